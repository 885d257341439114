using System.Globalization;
using System.Text;

namespace SmeZones.Core.Forms;

/// <summary>
/// Text helpers shared by the definitions, the validator and tests (web tests too): the seed
/// extractions and typed answers vary whitespace and full-width/half-width forms.
/// </summary>
public static class FormText
{
    /// <summary>
    /// Normalises a label for comparison: full-width ASCII forms become half-width (（→(, ，→, ：→:),
    /// Chinese and ASCII quotes are unified, and all whitespace is removed.
    /// </summary>
    public static string NormaliseForComparison(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            sb.Append(ch switch
            {
                '“' or '”' or '＂' => '"',
                '‘' or '’' => '\'',
                '；' => ';',
                '。' => '.',
                '…' => '.',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    /// <summary>Turns full-width digits and signs (０-９ ． － ＋) into half-width ones, and trims.</summary>
    public static string NormaliseDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            sb.Append(ch switch
            {
                >= '０' and <= '９' => (char)('0' + (ch - '０')),
                '．' or '。' => '.',
                '－' or '—' or '−' => '-',
                '＋' => '+',
                '\u3000' => ' ',
                _ => ch,
            });
        }

        return sb.ToString().Trim();
    }

    /// <summary>
    /// Counts characters (字) the way a reader does: user-perceived characters (text elements), so an
    /// emoji or a combined character counts once; line breaks are layout, not 字, and are not counted.
    /// </summary>
    public static int CountCharacters(string text) =>
        new StringInfo(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).LengthInTextElements;

    /// <summary>
    /// Removes control characters other than tab, CR and LF. PostgreSQL refuses NUL in text (22021) and jsonb (22P05),
    /// and the others are never meant in a form: a paste from a PDF or a hostile post, not content.
    /// </summary>
    public static string StripControlCharacters(string text)
    {
        if (!HasControlCharacters(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!IsRefusedControl(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>True when <see cref="StripControlCharacters"/> would change the text.</summary>
    public static bool HasControlCharacters(string text)
    {
        foreach (var ch in text)
        {
            if (IsRefusedControl(ch))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRefusedControl(char ch) => char.IsControl(ch) && ch is not ('\t' or '\r' or '\n');

    /// <summary>True when the officer wrote "无" (the official way to say nothing applies).</summary>
    public static bool IsNone(string? text) => text is not null && NormaliseForComparison(text) == "无";
}
