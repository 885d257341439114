using System.Globalization;

namespace SmeZones.Core.Review;

/// <summary>What the reviewer typed for an on-site check; the date as the date input posts it (yyyy-MM-dd).</summary>
public sealed record SiteCheckInput(string? CheckedOn, string? People, string? Findings);

/// <summary>The keys of a site check's inputs, as its errors name them.</summary>
public static class SiteCheckField
{
    public const string CheckedOn = "checkedOn";
    public const string People = "people";
    public const string Findings = "findings";
    public const string Attachments = "attachments";
}

/// <summary>The checked record: the values to store when there are no errors.</summary>
public sealed record SiteCheckValidation(IReadOnlyList<OperationError> Errors, DateOnly CheckedOn, string People, string Findings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>The rules of a 实地抽查 record: when, who, what was found; lengths as the database holds them.</summary>
public static class SiteCheckRules
{
    public const int MaxPeople = 500;
    public const int MaxFindings = 5000;

    /// <summary>Photos and minutes of one visit; more than this is an archive, not a record.</summary>
    public const int MaxAttachments = 10;

    /// <summary>Earlier than this is a typing slip (a date input lets a year like 0202 through).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <param name="today">Today in Beijing: a check cannot have happened later.</param>
    public static SiteCheckValidation Validate(SiteCheckInput input, DateOnly today)
    {
        var errors = new List<OperationError>();
        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(input.CheckedOn))
        {
            errors.Add(new(SiteCheckField.CheckedOn, "请填写抽查日期"));
        }
        else if (!DateOnly.TryParseExact(input.CheckedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new(SiteCheckField.CheckedOn, "抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01"));
        }
        else if (date > today)
        {
            errors.Add(new(SiteCheckField.CheckedOn, $"抽查日期不能晚于今天（{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）"));
        }
        else if (date < Earliest)
        {
            errors.Add(new(SiteCheckField.CheckedOn, "抽查日期不能早于 2000-01-01，请检查年份"));
        }

        var people = input.People?.Trim() ?? "";
        var findings = input.Findings?.Trim() ?? "";
        Text(errors, SiteCheckField.People, people, "抽查人员", MaxPeople);
        Text(errors, SiteCheckField.Findings, findings, "抽查情况", MaxFindings);
        return new SiteCheckValidation(errors, date, people, findings);
    }

    private static void Text(List<OperationError> errors, string field, string text, string name, int max)
    {
        if (text.Length == 0)
        {
            errors.Add(new(field, $"请填写{name}"));
        }
        else if (text.Length > max)
        {
            errors.Add(new(field, $"{name}不能超过 {max} 个字（现有 {text.Length} 个字）"));
        }
    }
}
