using System.Text;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Exports;

/// <summary>
/// A first draft of the 简介 for the 推荐汇总表, composed from the application's own figures of the latest data year;
/// the applicant edits it to at most 300 characters. Only figures the form asks are used.
/// </summary>
public static class SummaryIntroDraft
{
    public static string Compose(FormDefinition definition, int roundYear, Application application, IReadOnlyDictionary<string, string> answers)
    {
        var latest = FormTemplate.DataYears(definition, roundYear)[^1];
        var name = string.IsNullOrWhiteSpace(application.Title) ? "本合作区" : application.Title;
        var text = new StringBuilder(name);
        string? A(string key) => answers.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && !FormText.IsNone(v) ? v.Trim() : null;
        void Add(string? value, string before, string after)
        {
            if (value is not null)
            {
                text.Append(before).Append(value).Append(after);
            }
        }

        if (definition.Programme == Programme.Zone)
        {
            Add(A("basic.leadingIndustry"), "主导产业为", "。");
            text.Append(latest).Append("年，");
            Add(A("revenue.total.y3"), "合作区营业总收入", "亿元，");
            Add(A("openness.foreignFirms.y3"), "外资或合资企业", "家，");
            Add(A("revenue.smeShare.y3"), "中小企业营业收入占比", "%，");
            Add(A("quality.specialised"), "专精特新中小企业", "家，");
            Add(A("quality.littleGiants"), "专精特新“小巨人”企业", "家，");
            Add(A("quality.champions"), "制造业单项冠军企业", "家。");
        }
        else
        {
            text.Append('。').Append(latest).Append("年，");
            Add(A("industry.output.y3"), "集群总产值", "亿元，");
            Add(A("industry.firms.y3"), "集群企业", "家，");
            Add(A("industry.smes.y3"), "其中中小企业", "家，");
            Add(A("industry.provincialSpecialised.y3"), "省级专精特新中小企业", "家，");
            Add(A("industry.littleGiants.y3"), "专精特新“小巨人”企业", "家，");
            Add(A("industry.champions.y3"), "制造业单项冠军企业", "家。");
        }
        var draft = text.ToString().TrimEnd('，');
        draft = draft.EndsWith('。') ? draft : draft + "。";
        return FormText.CountCharacters(draft) <= 300 ? draft : new string([.. draft.EnumerateRunes().Take(300).SelectMany(r => r.ToString())]);
    }
}
