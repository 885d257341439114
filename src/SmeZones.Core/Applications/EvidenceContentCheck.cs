using System.Buffers;

namespace SmeZones.Core.Applications;

/// <summary>What an upload was found to be: its type when it may be stored, otherwise the applicant's message.</summary>
public sealed record EvidenceVerdict(EvidenceFileType? Type, string? Error)
{
    public static EvidenceVerdict Accept(EvidenceFileType type) => new(type, null);

    public static EvidenceVerdict Refuse(string error) => new(null, error);
}

/// <summary>
/// Decides whether an upload may be stored as 佐证材料 (or a site-check attachment): its type by content, then that it
/// carries no active content. Files are downloaded by reviewers' browsers and opened in their PDF readers, so a file
/// that runs scripts, starts programs, carries other files or reads as a web page is refused, not cleaned: the portal
/// keeps exactly what was uploaded, and its hash proves it. See docs/adr/0010-evidence-content-checks.md.
/// </summary>
public static class EvidenceContentCheck
{
    public const string ActivePdf = "该 PDF 含有脚本、启动程序或内嵌文件等活动内容，不能作为佐证材料。请用“打印为 PDF”或“另存为 PDF”重新生成后上传";
    public const string UninspectablePdf = "该 PDF 使用了无法检查的加密或压缩方式（如加密的对象流），不能作为佐证材料。请用“打印为 PDF”重新生成后上传";
    public const string Polyglot = "文件中夹带了网页或脚本代码，不能作为佐证材料。请从原始文档重新导出后上传";
    public const string BrokenImage = "图片文件已损坏或不是有效的 JPG/PNG 图片，请重新导出后上传";
    public const string ImageSize = "图片尺寸异常（宽、高须在 1–30000 像素之间，合计不超过 2 亿像素），请调整后上传";
    public const string OfdBomb = "OFD 文件包含的文件过多或解压后过大（疑似压缩炸弹），不能作为佐证材料";
    public const string OfdStructure = "OFD 文件结构不完整（缺少有效的 OFD.xml 或含有网页、脚本文件），请从原软件重新导出后上传";

    /// <summary>Accepts a PDF, JPEG, PNG or OFD without active content; refuses anything else with a message in Chinese.</summary>
    public static EvidenceVerdict Check(ReadOnlyMemory<byte> content)
    {
        // A ZIP is checked as an OFD straight away: detection would read its whole directory, which may be a bomb's.
        if (content.Span.StartsWith("PK\u0003\u0004"u8))
        {
            return EvidenceMarkers.ContainsMarkup(content.Span) ? EvidenceVerdict.Refuse(Polyglot)
                : EvidenceOfdCheck.Check(content) is { } zipError ? EvidenceVerdict.Refuse(zipError)
                : EvidenceVerdict.Accept(EvidenceFileTypes.Ofd);
        }
        var type = EvidenceFileTypes.Detect(content);
        if (type is null)
        {
            return EvidenceVerdict.Refuse(EvidenceStore.WrongType);
        }
        // Before the type's own check: a page hidden in a comment, a text chunk or after the end is refused whatever the type.
        if (EvidenceMarkers.ContainsMarkup(content.Span))
        {
            return EvidenceVerdict.Refuse(Polyglot);
        }
        var error = type == EvidenceFileTypes.Pdf ? EvidencePdfCheck.Check(content.Span)
            : type == EvidenceFileTypes.Png ? EvidenceImageCheck.CheckPng(content.Span)
            : EvidenceImageCheck.CheckJpeg(content.Span);
        return error is null ? EvidenceVerdict.Accept(type) : EvidenceVerdict.Refuse(error);
    }
}

/// <summary>Markers of HTML, SVG or script that make a file readable as a web page: they belong in none of the accepted types.</summary>
internal static class EvidenceMarkers
{
    // All at least five bytes long, so compressed data (random bytes) practically never holds one by chance.
    private static readonly byte[][] Markers =
    [
        .. new[]
        {
            "<!doctype html", "<html", "<head>", "<body", "<script", "<iframe", "<frameset", "<object", "<embed",
            "<svg>", "<svg xmlns", "<meta http-equiv", "<?php", "javascript:", "vbscript:", "<img src", "onerror=", "onload=",
        }.Select(m => System.Text.Encoding.ASCII.GetBytes(m)),
    ];

    private static readonly SearchValues<byte> FirstBytes = SearchValues.Create("<jJvVoO"u8);

    public static bool ContainsMarkup(ReadOnlySpan<byte> content)
    {
        var offset = 0;
        while (offset < content.Length)
        {
            var hit = content[offset..].IndexOfAny(FirstBytes);
            if (hit < 0)
            {
                return false;
            }
            var at = content[(offset + hit)..];
            foreach (var marker in Markers)
            {
                if (at.Length >= marker.Length && StartsWithIgnoreCase(at, marker))
                {
                    return true;
                }
            }
            offset += hit + 1;
        }
        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, byte[] marker)
    {
        for (var i = 0; i < marker.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'A' and <= (byte)'Z')
            {
                c = (byte)(c + 32);
            }
            if (c != marker[i])
            {
                return false;
            }
        }
        return true;
    }
}
