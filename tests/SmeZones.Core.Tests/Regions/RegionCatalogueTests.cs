using System.ComponentModel.DataAnnotations;
using System.Reflection;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Tests.Regions;

public class RegionCatalogueTests
{
    private static readonly RegionCatalogue Catalogue = RegionCatalogue.Instance;

    private static int Count(RegionLevel level) => Catalogue.All.Count(r => r.Level == level);

    // ---- counts ----

    [Fact]
    public void Province_level_rows_are_the_31_provinces_plus_bingtuan()
    {
        Assert.Equal(32, Count(RegionLevel.Province));
        Assert.Equal(31, Catalogue.All.Count(r => r.Level == RegionLevel.Province && r.Code != RegionCatalogue.BingtuanCode));
    }

    [Fact]
    public void Provincial_units_are_31_provinces_5_separately_planned_cities_and_bingtuan()
    {
        var units = Catalogue.All.Where(r => r.IsProvincialUnit).ToList();

        Assert.Equal(37, units.Count);
        Assert.Equal(
            ["210200", "330200", "350200", "370200", "440300"],
            units.Where(r => r.Level == RegionLevel.Prefecture).Select(r => r.Code).Order());
    }

    [Fact]
    public void Prefecture_count_is_342_less_the_dropped_placeholders()
    {
        // 342 rows in the data − 重庆's "县" row (merged into 500100) − 4 "直辖县级行政区划" groupings = 337:
        // 333 real prefecture-level divisions plus one row per 直辖市.
        Assert.Equal(337, Count(RegionLevel.Prefecture));
    }

    [Fact]
    public void County_count_is_3056_less_the_82_township_rows()
    {
        Assert.Equal(2974, Count(RegionLevel.County));
        Assert.Equal(32 + 337 + 2974, Catalogue.All.Count);
    }

    [Fact]
    public void Every_code_is_six_digits_and_unique()
    {
        Assert.All(Catalogue.All, r => Assert.Matches("^[0-9]{6}$", r.Code));
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void Every_parent_exists_and_is_one_level_up_or_a_province()
    {
        foreach (var region in Catalogue.All.Where(r => r.ParentCode is not null))
        {
            var parent = Catalogue.Find(region.ParentCode);
            Assert.NotNull(parent);
            Assert.True(parent.Level < region.Level, $"{region} under {parent}");
        }
    }

    // ---- codes, names, placeholders ----

    [Theory]
    [InlineData("44", "440000")]
    [InlineData("4406", "440600")]
    [InlineData("440605", "440605")]
    [InlineData(" 440605 ", "440605")]
    [InlineData("44060", null)]
    [InlineData("4406050", null)]
    [InlineData("44O6", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NormaliseCode_pads_two_and_four_digit_codes_to_six(string? code, string? expected) =>
        Assert.Equal(expected, RegionCatalogue.NormaliseCode(code));

    [Fact]
    public void Find_accepts_short_codes_and_returns_null_for_unknown_ones()
    {
        Assert.Equal("广东省", Catalogue.Find("44")?.Name);
        Assert.Equal("佛山市", Catalogue.Find("4406")?.Name);
        Assert.Null(Catalogue.Find("999999"));
        Assert.Null(Catalogue.Find("not a code"));
    }

    [Theory]
    [InlineData("110000", "110100", "北京市", 16)]
    [InlineData("120000", "120100", "天津市", 16)]
    [InlineData("310000", "310100", "上海市", 16)]
    [InlineData("500000", "500100", "重庆市", 38)]
    public void Each_municipality_has_one_prefecture_row_named_after_it_holding_all_districts_and_counties(
        string province, string prefecture, string name, int counties)
    {
        var child = Assert.Single(Catalogue.ChildrenOf(province));
        Assert.Equal(prefecture, child.Code);
        Assert.Equal(name, child.Name);
        Assert.Equal(counties, Catalogue.ChildrenOf(prefecture).Count);
        Assert.DoesNotContain(Catalogue.All, r => r.Name is "市辖区" or "县");
    }

    [Fact]
    public void Chongqing_counties_keep_their_5002_codes_under_500100()
    {
        Assert.Equal("500100", Catalogue.Find("500229")?.ParentCode); // 城口县
        Assert.Null(Catalogue.Find("500200"));
    }

    [Theory]
    [InlineData("419001", "410000")] // 济源市
    [InlineData("429004", "420000")] // 仙桃市
    [InlineData("469002", "460000")] // 琼海市
    public void Province_administered_county_level_units_hang_directly_off_the_province(string county, string province)
    {
        Assert.Equal(province, Catalogue.Find(county)?.ParentCode);
        Assert.Equal(RegionLevel.County, Catalogue.Find(county)?.Level);
        Assert.Null(Catalogue.Find(province[..2] + "9000"));
    }

    [Theory]
    [InlineData("659001", "石河子市")]
    [InlineData("659002", "阿拉尔市")]
    [InlineData("659003", "图木舒克市")]
    [InlineData("659004", "五家渠市")]
    [InlineData("659005", "北屯市")]
    [InlineData("659006", "铁门关市")]
    [InlineData("659007", "双河市")]
    [InlineData("659008", "可克达拉市")]
    [InlineData("659009", "昆玉市")]
    [InlineData("659010", "胡杨河市")]
    [InlineData("659011", "新星市")]
    [InlineData("659012", "白杨市")]
    public void Bingtuan_cities_recommend_through_the_bingtuan_not_xinjiang(string code, string name)
    {
        var city = Catalogue.Find(code);

        Assert.Equal(name, city?.Name);
        Assert.Equal(RegionLevel.County, city?.Level);
        Assert.Equal(RegionCatalogue.BingtuanCode, city?.ParentCode);
        Assert.Equal(RegionCatalogue.BingtuanCode, Catalogue.ProvincialUnitOf(code)?.Code);
        Assert.True(Catalogue.IsInJurisdictionOf(code, RegionCatalogue.BingtuanCode));
        Assert.False(Catalogue.IsInJurisdictionOf(code, "650000"));
        Assert.Equal(RegionClass.West, Catalogue.ClassOf(code));
        Assert.Equal(RegionCatalogue.BingtuanCode, Jurisdiction.Of(code).ProvincialUnitCode);
    }

    [Fact]
    public void Xinjiang_keeps_no_bingtuan_city_and_the_grouping_row_is_gone()
    {
        Assert.DoesNotContain(Catalogue.All, r => r.Code.StartsWith("6590", StringComparison.Ordinal) && r.ParentCode != RegionCatalogue.BingtuanCode);
        Assert.Null(Catalogue.Find("659000"));
        Assert.Equal(12, Catalogue.ChildrenOf(RegionCatalogue.BingtuanCode).Count);
    }

    [Fact]
    public void Cities_without_districts_are_the_lowest_level()
    {
        Assert.Empty(Catalogue.ChildrenOf("441900")); // 东莞
        Assert.Empty(Catalogue.ChildrenOf("442000")); // 中山
        Assert.Equal(RegionLevel.Prefecture, Catalogue.Find("441900")?.Level);
    }

    [Fact]
    public void Changji_prefecture_is_under_xinjiang_and_changji_city_under_it()
    {
        var prefecture = Catalogue.Find("652300");
        var city = Catalogue.Find("652301");

        Assert.Equal("昌吉回族自治州", prefecture?.Name);
        Assert.Equal("650000", prefecture?.ParentCode);
        Assert.Equal("昌吉市", city?.Name);
        Assert.Equal("652300", city?.ParentCode);
    }

    [Fact]
    public void Bingtuan_is_a_parentless_western_provincial_unit()
    {
        var bingtuan = Catalogue.Find("660000");

        Assert.NotNull(bingtuan);
        Assert.Equal("新疆生产建设兵团", bingtuan.Name);
        Assert.Equal(RegionLevel.Province, bingtuan.Level);
        Assert.Null(bingtuan.ParentCode);
        Assert.True(bingtuan.IsProvincialUnit);
        Assert.Equal(RegionClass.West, bingtuan.Class);
    }

    [Theory]
    [InlineData("440605", "广东省佛山市南海区")]
    [InlineData("440305", "广东省深圳市南山区")]
    [InlineData("110105", "北京市朝阳区")]
    [InlineData("500229", "重庆市城口县")]
    [InlineData("429004", "湖北省仙桃市")]
    [InlineData("440000", "广东省")]
    [InlineData("660000", "新疆生产建设兵团")]
    public void FullName_joins_names_from_the_province_down(string code, string expected) =>
        Assert.Equal(expected, Catalogue.FullName(code));

    [Fact]
    public void Unknown_codes_have_no_name_children_ancestors_unit_or_class()
    {
        Assert.Null(Catalogue.FullName("999999"));
        Assert.Empty(Catalogue.ChildrenOf("999999"));
        Assert.Empty(Catalogue.AncestorsOf("999999"));
        Assert.Null(Catalogue.ProvincialUnitOf("999999"));
        Assert.Null(Catalogue.ClassOf("999999"));
        Assert.False(Catalogue.IsWithin("999999", "440000"));
        Assert.False(Catalogue.IsInJurisdictionOf("440605", "999999"));
    }

    [Fact]
    public void AncestorsOf_runs_from_the_province_down_to_the_parent()
    {
        Assert.Equal(["440000", "440600"], Catalogue.AncestorsOf("440605").Select(r => r.Code));
        Assert.Empty(Catalogue.AncestorsOf("440000"));
    }

    // ---- provincial units ----

    [Theory]
    [InlineData("440305", "440300")] // 深圳市南山区 → 深圳, not 广东
    [InlineData("440303", "440300")] // 深圳市罗湖区
    [InlineData("440300", "440300")] // 深圳 itself
    [InlineData("440605", "440000")] // 佛山市南海区 → 广东
    [InlineData("440606", "440000")] // 佛山市顺德区
    [InlineData("440600", "440000")] // 佛山
    [InlineData("440000", "440000")] // 广东 itself
    [InlineData("210200", "210200")] // 大连 itself
    [InlineData("210213", "210200")] // 大连市金州区
    [InlineData("210100", "210000")] // 沈阳 → 辽宁
    [InlineData("370202", "370200")] // 青岛市市南区
    [InlineData("660000", "660000")] // 兵团 itself
    [InlineData("652301", "650000")] // 昌吉市 → 新疆
    [InlineData("110105", "110000")] // 北京市朝阳区 → 北京
    public void ProvincialUnitOf_is_the_unit_that_recommends_for_the_region(string code, string unit) =>
        Assert.Equal(unit, Catalogue.ProvincialUnitOf(code)?.Code);

    // ---- region classes ----

    [Theory]
    [InlineData("440000", RegionClass.East)] // 广东
    [InlineData("440300", RegionClass.East)] // 深圳
    [InlineData("440305", RegionClass.East)] // 深圳市南山区
    [InlineData("110105", RegionClass.East)] // 北京市朝阳区
    [InlineData("420000", RegionClass.Central)] // 湖北
    [InlineData("429004", RegionClass.Central)] // 仙桃市
    [InlineData("650000", RegionClass.West)] // 新疆
    [InlineData("652301", RegionClass.West)] // 昌吉市
    [InlineData("660000", RegionClass.West)] // 兵团
    [InlineData("500229", RegionClass.West)] // 重庆市城口县
    [InlineData("210000", RegionClass.Northeast)] // 辽宁
    [InlineData("210200", RegionClass.Northeast)] // 大连
    [InlineData("210213", RegionClass.Northeast)] // 大连市金州区
    [InlineData("230100", RegionClass.Northeast)] // 哈尔滨
    public void ClassOf_comes_from_the_provincial_unit(string code, RegionClass expected) =>
        Assert.Equal(expected, Catalogue.ClassOf(code));

    [Fact]
    public void Provinces_split_10_east_6_central_12_west_3_northeast()
    {
        var provinces = Catalogue.All.Where(r => r.Level == RegionLevel.Province && r.Code != RegionCatalogue.BingtuanCode).ToList();

        Assert.Equal(10, provinces.Count(r => r.Class == RegionClass.East));
        Assert.Equal(6, provinces.Count(r => r.Class == RegionClass.Central));
        Assert.Equal(12, provinces.Count(r => r.Class == RegionClass.West));
        Assert.Equal(3, provinces.Count(r => r.Class == RegionClass.Northeast));
    }

    [Fact]
    public void Class_is_stored_only_on_provincial_units()
    {
        Assert.All(Catalogue.All, r => Assert.Equal(r.IsProvincialUnit, r.Class is not null));
    }

    // ---- jurisdiction ----

    [Theory]
    [InlineData("440605", "440000", true)] // 广东 covers 佛山市南海区
    [InlineData("440600", "440000", true)] // 广东 covers 佛山
    [InlineData("440305", "440000", false)] // 广东 does not cover 深圳市南山区: 深圳 recommends on its own
    [InlineData("440300", "440000", false)] // nor 深圳 itself
    [InlineData("440305", "440300", true)] // 深圳 covers 南山区
    [InlineData("440300", "440300", true)] // and itself
    [InlineData("440605", "440300", false)] // but not 佛山
    [InlineData("652301", "652300", true)] // 昌吉州 covers 昌吉市
    [InlineData("652300", "652300", true)] // and itself
    [InlineData("650000", "652300", false)] // not 新疆
    [InlineData("510100", "510000", true)] // 四川 covers 成都
    [InlineData("660000", "650000", false)] // 新疆 does not cover 兵团
    [InlineData("652301", "660000", false)] // and 兵团 does not cover 昌吉市
    [InlineData("660000", "660000", true)] // 兵团 covers itself
    [InlineData("440605", "440605", true)] // a county covers only itself
    [InlineData("440606", "440605", false)]
    [InlineData("440600", "440605", false)]
    [InlineData("110105", "110100", true)] // 北京's prefecture row covers its districts
    public void IsInJurisdictionOf_follows_the_provincial_unit_rule(string region, string authority, bool expected) =>
        Assert.Equal(expected, Catalogue.IsInJurisdictionOf(region, authority));

    [Theory]
    [InlineData("440305", "440000", true)] // 南山区 lies in 广东 even though 广东 does not review it
    [InlineData("440305", "440300", true)]
    [InlineData("440305", "440305", true)]
    [InlineData("440300", "440305", false)]
    [InlineData("660000", "650000", false)] // 兵团 has no parent in the tree
    public void IsWithin_is_geographic_containment(string code, string ancestor, bool expected) =>
        Assert.Equal(expected, Catalogue.IsWithin(code, ancestor));

    // ---- display names ----

    [Fact]
    public void Display_names_are_chinese_and_match_the_display_attributes()
    {
        Assert.Equal(["东部", "中部", "西部", "东北"], Enum.GetValues<RegionClass>().Select(c => c.ToDisplayName()));
        Assert.Equal(["省级", "地市级", "县级"], Enum.GetValues<RegionLevel>().Select(l => l.ToDisplayName()));

        Assert.All(Enum.GetValues<RegionClass>(), c => Assert.Equal(c.ToDisplayName(), DisplayAttributeName(c)));
        Assert.All(Enum.GetValues<RegionLevel>(), l => Assert.Equal(l.ToDisplayName(), DisplayAttributeName(l)));
    }

    [Fact]
    public void Instance_is_one_shared_catalogue_across_threads()
    {
        var instances = new RegionCatalogue[8];
        Parallel.For(0, instances.Length, i => instances[i] = RegionCatalogue.Instance);
        Assert.All(instances, i => Assert.Same(Catalogue, i));
    }

    private static string? DisplayAttributeName<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name;
}
