using SmeZones.Core.Campaigns;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Tests.Publication;

public class SelectionAndCertificateTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void Selecting_in_ranking_order_departs_from_nothing()
    {
        Assert.Empty(ProposedList.Departures([(1, A, true), (2, B, true), (3, C, false)]));
    }

    [Fact]
    public void Passing_over_a_higher_ranked_application_marks_both_it_and_the_one_chosen_below_it()
    {
        var departures = ProposedList.Departures([(1, A, true), (2, B, false), (3, C, true)]);
        Assert.Equal(new HashSet<Guid> { B, C }, departures.ToHashSet());
    }

    [Theory]
    [InlineData("合作区〔{year}〕{n:000}号", 2026, 7, "合作区〔2026〕007号")]
    [InlineData("集群〔{year}〕{n}号", 2027, 12, "集群〔2027〕12号")]
    [InlineData("HZQ-{year}-{n:0000}", 2026, 123, "HZQ-2026-0123")]
    public void Certificate_numbers_follow_the_programmes_format(string format, int year, int n, string expected)
    {
        Assert.True(Certifying.IsValidFormat(format));
        Assert.Equal(expected, Certifying.Number(format, year, n));
    }

    [Theory]
    [InlineData("合作区〔{year}〕号")]
    [InlineData("")]
    public void A_format_without_a_sequence_number_is_refused(string format) => Assert.False(Certifying.IsValidFormat(format));

    [Fact]
    public void Zones_are_valid_for_five_calendar_years_and_clusters_for_three()
    {
        Assert.Equal(new DateOnly(2030, 12, 31), Certifying.ValidUntil(Programme.Zone, new DateOnly(2026, 12, 20)));
        Assert.Equal(new DateOnly(2028, 12, 31), Certifying.ValidUntil(Programme.Cluster, new DateOnly(2026, 12, 20)));
    }
}
