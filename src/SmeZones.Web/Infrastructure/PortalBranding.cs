namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The names the header, footer and help page show: the product, its organiser (主办单位), who runs it (技术支持)
/// and whom to ask. A province that runs its own copy of the portal sets them in configuration (Portal:Organiser …).
/// </summary>
public sealed record PortalBranding(string ProductName, string ShortName, string Organiser, string TechnicalSupport, string HelpContact)
{
    public static PortalBranding From(IConfiguration config) => new(
        config["Portal:ProductName"] ?? "中小企业合作区和特色产业集群申报管理平台",
        config["Portal:ShortName"] ?? "合作区和集群申报平台",
        config["Portal:Organiser"] ?? "工业和信息化部中小企业局",
        config["Portal:TechnicalSupport"] ?? "工业和信息化部中小企业局信息化支持单位",
        config["Portal:HelpContact"] ?? "请联系本单位的平台管理员，或拨打主办单位公布的咨询电话");
}
