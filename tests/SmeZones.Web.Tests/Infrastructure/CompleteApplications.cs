namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>What complete drafts carry in every evidence slot (also uploaded by the browser journeys).</summary>
public static class CompleteApplications
{
    public static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
}
