using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>Drafts filled with the complete fixture of their edition and a small PDF in every evidence slot.</summary>
public static class CompleteApplications
{
    public static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static async Task<Application> CompleteDraftAsync(this PortalHost host, string organisationName, string campaignNameStart)
    {
        var draft = await host.ApplicationAsync(organisationName, campaignNameStart);
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
        var answers = FormFixtures.Complete(application.FormEditionKey);
        // Stored as the app stores them: an unticked box is no answer, not "false".
        application.Answers = answers.Values.Where(a => a.Value != "false").ToDictionary(a => a.Key, a => a.Value);
        application.Title = ApplicationTitle.From(application.Answers) ?? "";
        foreach (var slot in EvidenceSlots.For(FormEditionCatalogue.Default.Get(application.FormEditionKey)))
        {
            var id = Guid.NewGuid();
            db.Evidence.Add(new Evidence
            {
                Id = id, ApplicationId = application.Id, SlotKey = slot.Key, FileName = $"佐证{slot.Key}.pdf", ContentType = "application/pdf",
                SizeBytes = SmallPdf.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(SmallPdf)), UploadedAt = host.Clock.GetUtcNow(),
                Content = new EvidenceContent { EvidenceId = id, Bytes = SmallPdf },
            });
        }
        await db.SaveChangesAsync();
        return application;
    }
}
