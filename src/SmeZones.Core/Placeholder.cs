namespace SmeZones.Core; internal static class Placeholder {}
