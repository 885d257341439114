using Microsoft.Extensions.Configuration;

namespace SmeZones.Core.Applications;

/// <summary>Size limits of 佐证材料, from the configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceLimits
{
    public const string Section = "Evidence";

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The configured limits (defaults where absent); refuses limits that make no sense at start rather than at upload.</summary>
    public static EvidenceLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<EvidenceLimits>() ?? new EvidenceLimits();
        if (limits.MaxFileBytes <= 0 || limits.MaxTotalBytes < limits.MaxFileBytes)
        {
            throw new InvalidOperationException(
                $"Evidence limits are invalid: MaxFileBytes={limits.MaxFileBytes}, MaxTotalBytes={limits.MaxTotalBytes}; both must be positive and the total at least one file.");
        }
        return limits;
    }
}
