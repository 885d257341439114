using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Exports;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>The print document of a fixed request, drawn by the portal's own views and services, without a page around it.</summary>
public static class PrintDocuments
{
    public static async Task<string> HtmlAsync(this PortalHost host, PrintRequest request)
    {
        using var scope = host.Services.CreateScope();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, new RouteData(), new ActionDescriptor());
        return await scope.ServiceProvider.GetRequiredService<ApplicationPrintHtml>().RenderAsync(context, new ApplicationPrintModel(request));
    }

    public static async Task<IDocument> DocumentAsync(this PortalHost host, PrintRequest request) =>
        await new HtmlParser().ParseDocumentAsync(await host.HtmlAsync(request));
}
