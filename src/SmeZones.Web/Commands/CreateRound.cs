using System.Text.Json;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;

namespace SmeZones.Web.Commands;

/// <summary>
/// `create-round FILE.json`: a round for scripted set-up, checked by the same validator as the round editor
/// (RoundDefinitionValidator via RoundSetup). The file names its organiser; "publish": true publishes it at once.
/// </summary>
public static class CreateRound
{
    public static async Task<int> RunAsync(IServiceProvider services, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            await Console.Error.WriteLineAsync("Usage: create-round FILE.json (see src/SmeZones.Web/Commands/DemoRounds for examples)");
            return 2;
        }
        RoundDefinition definition;
        try
        {
            definition = RoundDefinition.FromJson(await File.ReadAllTextAsync(path));
        }
        catch (JsonException e)
        {
            await Console.Error.WriteLineAsync($"{path}: 不是有效的批次定义 JSON（{e.Message}）");
            return 1;
        }
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = await RoundSetup.CreateAsync(db, definition, Actor.System, now);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"{(string.IsNullOrEmpty(error.PropertyName) ? "批次" : error.PropertyName)}: {error.ErrorMessage}");
            }
            return 1;
        }
        var campaign = result.Campaign!;
        Console.WriteLine($"Round {campaign.Id} created ({campaign.StateAt(now).ToChinese()}): {campaign.Name}");
        return 0;
    }
}
