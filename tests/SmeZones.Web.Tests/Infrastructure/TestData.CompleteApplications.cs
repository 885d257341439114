using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>A draft filled with the complete fixture of its edition and a small PDF in every evidence slot.</summary>
    public async Task<Application> CreateCompleteDraftAsync(Organisation organisation, Campaign round)
    {
        var draft = await CreateApplicationAsync(organisation, round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
        var answers = FormFixtures.Complete(application.FormEditionKey);
        // Stored as the app stores them: an unticked box is no answer, not "false".
        application.Answers = answers.Values.Where(a => a.Value != "false").ToDictionary(a => a.Key, a => a.Value);
        application.Title = ApplicationTitle.From(FormEditionCatalogue.Default.Get(application.FormEditionKey), application.Answers) ?? "";
        // The 推荐汇总表 lines are part of a complete application (its check refuses a submission without them).
        application.SummaryPartners = "德国、奥地利";
        application.SummaryIntro = $"{application.Title}以高端装备制造为主导产业，近三年与合作国别机构签署合作协议多项。";
        var pdf = CompleteApplications.SmallPdf;
        foreach (var slot in EvidenceSlots.For(FormEditionCatalogue.Default.Get(application.FormEditionKey)))
        {
            var id = Guid.NewGuid();
            db.Evidence.Add(new Evidence
            {
                Id = id, ApplicationId = application.Id, SlotKey = slot.Key, FileName = $"佐证{slot.Key}.pdf", ContentType = "application/pdf",
                SizeBytes = pdf.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), UploadedAt = host.Clock.GetUtcNow(),
                Content = new EvidenceContent { EvidenceId = id, Bytes = pdf },
            });
        }
        await db.SaveChangesAsync();
        return application;
    }
}
