using SmeZones.Core.Review;

namespace SmeZones.Core.Tests.Review;

public class SiteCheckRulesTests
{
    private static readonly DateOnly Today = new(2026, 8, 10);

    [Fact]
    public void A_complete_record_is_valid_and_trimmed()
    {
        var result = SiteCheckRules.Validate(new SiteCheckInput(" 2026-08-01 ", " 张三、李四 ", "\n查看了园区企业名录。\n"), Today);

        Assert.True(result.IsValid);
        Assert.Equal((new DateOnly(2026, 8, 1), "张三、李四", "查看了园区企业名录。"), (result.CheckedOn, result.People, result.Findings));
    }

    [Theory]
    [InlineData(null, "请填写抽查日期")]
    [InlineData(" ", "请填写抽查日期")]
    [InlineData("2026/08/01", "抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01")]
    [InlineData("2026-02-30", "抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01")]
    [InlineData("abc", "抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01")]
    [InlineData("2026-08-11", "抽查日期不能晚于今天（2026-08-10）")]
    [InlineData("1999-12-31", "抽查日期不能早于 2000-01-01，请检查年份")]
    public void The_date_must_be_a_real_day_not_after_today(string? date, string message)
    {
        var result = SiteCheckRules.Validate(new SiteCheckInput(date, "张三", "情况属实"), Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal((SiteCheckField.CheckedOn, message), (error.Key, error.Message));
    }

    [Theory]
    [InlineData("2026-08-10")]
    [InlineData("2000-01-01")]
    public void Today_and_the_earliest_date_are_accepted(string date) =>
        Assert.True(SiteCheckRules.Validate(new SiteCheckInput(date, "张三", "情况属实"), Today).IsValid);

    [Theory]
    [InlineData(0, 1, SiteCheckField.People, "请填写抽查人员")]
    [InlineData(501, 1, SiteCheckField.People, "抽查人员不能超过 500 个字（现有 501 个字）")]
    [InlineData(1, 0, SiteCheckField.Findings, "请填写抽查情况")]
    [InlineData(1, 5001, SiteCheckField.Findings, "抽查情况不能超过 5000 个字（现有 5001 个字）")]
    public void People_and_findings_are_required_within_their_lengths(int people, int findings, string field, string message)
    {
        var result = SiteCheckRules.Validate(new SiteCheckInput("2026-08-01", new string('人', people), new string('查', findings)), Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal((field, message), (error.Key, error.Message));
    }

    [Fact]
    public void The_longest_people_and_findings_are_accepted() =>
        Assert.True(SiteCheckRules.Validate(new SiteCheckInput("2026-08-01", new string('人', 500), new string('查', 5000)), Today).IsValid);
}
