using SmeZones.Core.Exports;
using SmeZones.Core.Forms;

namespace SmeZones.TestSupport;

/// <summary>Print requests with fixed identity, so printed text can be compared across runs.</summary>
public static class PrintRequests
{
    /// <summary>A draft of the edition's complete fixture (or of <paramref name="answers"/>), numbered HZQ-2026-0001 for 佛山市工业和信息化局.</summary>
    public static PrintRequest Draft(string edition, FormAnswers? answers = null) => new()
    {
        Definition = FormEditionCatalogue.Default.Get(edition),
        RoundYear = FormFixtures.RoundYear(edition),
        Answers = answers ?? FormFixtures.Complete(edition),
        ApplicationNumber = "HZQ-2026-0001",
        OrganisationName = "佛山市工业和信息化局",
        IsDraft = true,
    };
}
