namespace SmeZones.Core.Data;

/// <summary>An ASP.NET Core data-protection key, stored so every instance can read every other's cookies.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
