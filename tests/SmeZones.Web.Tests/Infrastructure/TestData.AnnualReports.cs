using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A registry entry that owes annual reports: certified on <paramref name="certifiedOn"/> and entered in the portal
    /// on <paramref name="enteredOn"/> (北京时间), so each year whose deadline falls after that is owed.
    /// </summary>
    public async Task<RegistryEntry> CreateEntryOwingReportsAsync(Organisation holder, DateOnly certifiedOn, DateOnly enteredOn, Programme programme = Programme.Zone)
    {
        var entry = await CreateRegistryEntryAsync(holder, programme, certifiedOn);
        await using var db = host.NewDbContext();
        var stored = await db.RegistryEntries.SingleAsync(e => e.Id == entry.Id);
        stored.CreatedAt = ChinaTime.At(enteredOn.Year, enteredOn.Month, enteredOn.Day);
        await db.SaveChangesAsync();
        return stored;
    }

    /// <summary>Every required answer of the programme's annual report form (numbers 10, texts 无), as posted by a holder who completed it.</summary>
    public static Dictionary<string, string> CompleteAnnualReport(Programme programme, int year)
    {
        var form = FormEditionCatalogue.Default.AnnualReportFor(programme)!;
        return FormAnswerKeys.For(form, year + 1).Where(s => s.RequiredWhen == RequiredWhen.Always && s.FilledBy == FieldFiller.Applicant)
            .ToDictionary(s => s.Key, s => s.Kind switch
            {
                SlotKind.Number => "10",
                SlotKind.Choice => s.Options![0].Key,
                SlotKind.Flag => "true",
                _ => "无",
            });
    }
}
