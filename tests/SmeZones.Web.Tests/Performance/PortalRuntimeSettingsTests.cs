using System.Text.Json;

namespace SmeZones.Web.Tests.Performance;

/// <summary>
/// The GC settings the portal process starts with (ADRs 0074, 0085) are in its runtimeconfig.json, which the SDK copies
/// beside this test assembly from SmeZones.Web's build; the in-process test host cannot show them, the file can.
/// </summary>
public class PortalRuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SmeZones.Web.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the portal's runtimeconfig.json should be copied with its assembly.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Portal_caps_the_gen0_budget_so_young_garbage_does_not_follow_the_reported_L3_cache()
    {
        var properties = ConfigProperties();

        Assert.True(properties.TryGetProperty("System.GC.Gen0MaxBudget", out var budget), "System.GC.Gen0MaxBudget is not set.");
        Assert.Equal(32L * 1024 * 1024, budget.GetInt64());
    }

    [Fact]
    public void Portal_runs_workstation_gc()
    {
        Assert.False(ConfigProperties().GetProperty("System.GC.Server").GetBoolean());
    }
}
