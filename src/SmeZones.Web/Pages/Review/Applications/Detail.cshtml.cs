using Microsoft.AspNetCore.Mvc;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Review;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// An application as its reviewing authority sees it, read-only, one part at a time (<see cref="Parts"/>, chosen by
/// <c>?tab=</c>): the latest submission's answers, their assessment, the evidence, the on-site checks and the history,
/// paged. Only the part shown is loaded. Outside the jurisdiction it is 404.
/// </summary>
public class DetailModel(PortalDbContext db) : ReviewedApplicationPage(db)
{
    /// <summary>The parts of the page in the order the tabs show them; the first is shown by default.</summary>
    public static readonly IReadOnlyList<(string Key, string Title)> Parts =
        [("content", "申报内容"), ("assessment", "评估"), ("evidence", "佐证材料"), ("site-checks", "实地抽查"), ("history", "记录")];

    public Application Application => Reviewed.Application;
    public DetailTabs Tabs { get; private set; } = null!;
    public IReadOnlyList<AnsweredSection> Sections { get; private set; } = [];
    public IReadOnlyList<EvidenceListItem> Evidence { get; private set; } = [];
    public IReadOnlyList<SiteCheckListItem> SiteChecks { get; private set; } = [];
    public AuditPage? History { get; private set; }
    public Core.Publication.ListResult? ListResult { get; private set; }

    /// <summary>Whether the stored submission still hashes to its recorded hash (nothing altered since).</summary>
    public bool SubmissionIntact { get; private set; }

    /// <param name="tab">The part to show; anything else shows the first.</param>
    /// <param name="p">The page of the history (1 is the newest entries).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? tab, int p = 1)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var ct = HttpContext.RequestAborted;
        var reviewed = Reviewed;
        Tabs = DetailTabs.For(Parts, tab, key => Url.Page("/Review/Applications/Detail", new { id, tab = key }));
        if (reviewed.Submission is { } submission)
        {
            SubmissionIntact = SubmissionSnapshot.Verify(submission);
        }
        switch (Tabs.Current)
        {
            case "content" when reviewed.Snapshot is { } snapshot:
                Sections = SubmittedAnswers.BySection(snapshot.Definition, snapshot.RoundYear, reviewed.Answers);
                break;
            case "evidence":
                Evidence = await EvidenceStore.ListAsync(Db, id, ct);
                break;
            case "site-checks":
                SiteChecks = await SiteCheckStore.ListAsync(Db, id, ct);
                break;
            case "history":
                History = await InboxHistory.PageForApplicationAsync(Db, id, reviewed.Labels, p, ct);
                break;
        }
        ListResult = await Core.Publication.PublishedLists.ResultForAsync(Db, id, ct);
        return Page();
    }

    /// <summary>True when the file's bytes are the ones the latest submission recorded.</summary>
    public bool WasSubmitted(Evidence evidence) => Reviewed.Snapshot?.Evidence.Any(e => e.Sha256 == evidence.Sha256) == true;

    /// <summary>The evidence slot's title in the form's words ("佐证材料 1：…"), never its key.</summary>
    public string SlotTitle(Evidence evidence) => Reviewed.Labels?.Evidence(evidence.SlotKey) ?? "其他佐证材料";

    /// <summary>The address of a page of the history.</summary>
    public string? HistoryUrl(int page) => Url.Page("/Review/Applications/Detail", null, new { id = Application.Id, tab = "history", p = page }, null, null, DetailTabs.Anchor);
}
