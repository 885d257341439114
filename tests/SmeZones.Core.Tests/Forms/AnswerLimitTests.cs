using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class AnswerLimitTests
{
    public static TheoryData<string> Editions => new(FormEditionCatalogue.Default.All.Select(d => d.Key));

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_edition_declares_its_caps_and_every_text_and_number_answer_has_one(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var slots = FormAnswerKeys.For(definition, definition.RoundYear);

        Assert.NotNull(definition.Limits);
        Assert.All(slots.Where(s => s.Kind is SlotKind.Text or SlotKind.LongText), s => Assert.NotNull(s.MaxChars));
        Assert.All(slots.Where(s => s.Kind == SlotKind.Text), s => Assert.True(s.MaxChars <= 200, $"{s.Key} allows {s.MaxChars}"));
        Assert.All(slots.Where(s => s.Kind == SlotKind.Number), s =>
        {
            Assert.NotNull(s.Number?.Max);
            Assert.NotNull(s.Number?.Min);
        });
        // Every unit the edition uses has its own cap, so a count of 家 is never capped like a sum of 万元.
        Assert.All(slots.Where(s => s.Kind == SlotKind.Number && s.Unit is not null), s => Assert.True(definition.Limits!.UnitMax.ContainsKey(s.Unit!), s.Unit));
    }

    [Fact]
    public void A_printed_limit_wins_over_the_edition_cap()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var slots = FormAnswerKeys.For(definition, 2026).ToDictionary(s => s.Key);

        Assert.Equal(200, slots["basic.zoneName"].MaxChars);
        Assert.Equal(300, slots["quality.measures"].MaxChars);
        Assert.Equal(100, slots["revenue.smeShare.y3"].Number!.Max);
        Assert.Equal(100_000, slots["revenue.total.y3"].Number!.Max);
    }

    [Fact]
    public void A_number_over_its_units_cap_is_refused_and_one_at_the_cap_taken()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var over = new FormAnswers();
        over.Set("revenue.total.y3", "100000.01");
        var at = new FormAnswers();
        at.Set("revenue.total.y3", "100000");

        Assert.Contains(FormValidation.Validate(definition, 2026, over, ValidationMode.Draft, "basic").Errors, e => e.Key == "revenue.total.y3");
        Assert.DoesNotContain(FormValidation.Validate(definition, 2026, at, ValidationMode.Draft, "basic").Errors, e => e.Key == "revenue.total.y3");
    }

    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("行1\r\n行2\t列", "行1\r\n行2\t列")]
    [InlineData("\u0007响铃\u001b\u007f\u0085", "响铃")]
    public void Control_characters_other_than_tab_and_line_breaks_are_stripped(string input, string expected)
    {
        Assert.Equal(expected, FormText.StripControlCharacters(input));
    }
}
