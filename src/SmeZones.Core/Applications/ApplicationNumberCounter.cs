using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Applications;

/// <summary>
/// The last application number given in a programme and year (HZQ-2026-0042). Numbers are unique per programme and
/// year, not per round, so a second round of the same year (a 补充推荐) continues the sequence instead of repeating it.
/// </summary>
public class ApplicationNumberCounter
{
    public Programme Programme { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
