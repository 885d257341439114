using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SmeZones.Core.Exports;
using SmeZones.Core.Publication;

namespace SmeZones.Web.Infrastructure;

/// <summary>What the print document view is drawn from: the application's print model and the style sheet to inline.</summary>
public sealed record PrintDocument(ApplicationPrintModel Print, string StyleSheet);

/// <summary>What the 推荐汇总表's print view is drawn from: the table and its style sheet to inline.</summary>
public sealed record SummaryTableDocument(SummaryTable Table, string StyleSheet)
{
    /// <summary>
    /// The column's width class by what it holds (its declared source, not its key), so a new edition's columns size
    /// themselves: the 简介 gets room to wrap, numbers stay narrow.
    /// </summary>
    public static string WidthClass(string? source) => source switch
    {
        "rowNumber" => "w-number",
        "summaryIntro" => "w-wide",
        "title" => "w-name",
        _ when SummaryTableDocuments.IsAnswer(source) => "w-name",
        _ => "w-mid",
    };
}

/// <summary>What the 专家评分表's print view is drawn from: the round's (or one application's) submitted sheets.</summary>
public sealed record ExpertSheetsDocument(string Title, IReadOnlyList<ApplicationSheets> Applications, string StyleSheet);

/// <summary>What the 建议名单/认定名单 announcement's print view is drawn from.</summary>
public sealed record PublishedListPrint(PublishedListDocument List, string StyleSheet);

/// <summary>
/// Draws an <see cref="ApplicationPrintModel"/> as one complete HTML document with the Razor partials under
/// Pages/Applications/Print, for the print page and, as a string, for the PDF renderer. The style sheet
/// (wwwroot/css/print.css) is inlined because the PDF renderer may fetch nothing; the page allows exactly that
/// text through the hash in <see cref="ContentSecurityPolicy"/>. Every other printed document (the 推荐汇总表, the
/// 专家评分表, the 建议名单/认定名单) is drawn the same way, by its own view under Pages/Shared/Print and its own style
/// sheet in wwwroot/css: this is the portal's one print renderer (ADR 0050).
/// </summary>
public sealed class ApplicationPrintHtml
{
    private const string DocumentView = "~/Pages/Applications/Print/_Document.cshtml";
    private const string SummaryTableView = "~/Pages/Shared/Print/_SummaryTable.cshtml";
    private const string ExpertSheetsView = "~/Pages/Shared/Print/_ExpertSheets.cshtml";
    private const string PublishedListView = "~/Pages/Shared/Print/_PublishedList.cshtml";

    private readonly IRazorViewEngine _views;
    private readonly ITempDataProvider _tempData;
    private readonly IModelMetadataProvider _metadata;
    private readonly string _summaryTableStyleSheet;
    private readonly string _expertSheetsStyleSheet;
    private readonly string _publishedListStyleSheet;

    public ApplicationPrintHtml(IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _views = views;
        _tempData = tempData;
        _metadata = metadata;
        StyleSheet = ReadStyleSheet(environment, "css/print.css");
        _summaryTableStyleSheet = ReadStyleSheet(environment, "css/summary-table.css");
        _expertSheetsStyleSheet = ReadStyleSheet(environment, "css/expert-sheets.css");
        _publishedListStyleSheet = ReadStyleSheet(environment, "css/published-list.css");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet))) + "'";
        ContentSecurityPolicy =
            $"default-src 'none'; style-src {hash}; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /// <summary>The exact content of the document's &lt;style&gt; element.</summary>
    public string StyleSheet { get; }

    /// <summary>
    /// The policy to serve the page with: nothing loads or runs, only the one style sheet applies, and the page
    /// cannot be framed, rebased or submit anything.
    /// </summary>
    public string ContentSecurityPolicy { get; }

    /// <param name="context">The current request's (a page's <c>PageContext</c>), whose services draw the view.</param>
    public Task<string> RenderAsync(ActionContext context, ApplicationPrintModel print) =>
        RenderViewAsync(context, DocumentView, new PrintDocument(print, StyleSheet));

    /// <summary>The 推荐汇总表 as an A4 landscape document with the stamp and date places, for the PDF renderer.</summary>
    public Task<string> RenderAsync(ActionContext context, SummaryTable table) =>
        RenderViewAsync(context, SummaryTableView, new SummaryTableDocument(table, _summaryTableStyleSheet));

    /// <summary>The 专家评分表: per application each submitted sheet with the expert's signature and date places (A4).</summary>
    public Task<string> RenderAsync(ActionContext context, string title, IReadOnlyList<ApplicationSheets> applications) =>
        RenderViewAsync(context, ExpertSheetsView, new ExpertSheetsDocument(title, applications, _expertSheetsStyleSheet));

    /// <summary>The 建议名单 or 认定名单 as the announcement (公告, A4 portrait).</summary>
    public Task<string> RenderAsync(ActionContext context, PublishedListDocument list) =>
        RenderViewAsync(context, PublishedListView, new PublishedListPrint(list, _publishedListStyleSheet));

    private async Task<string> RenderViewAsync<TModel>(ActionContext context, string viewPath, TModel model)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Not a main page, so no _ViewStart and no layout: the document is complete in itself.
        var found = _views.GetView(executingFilePath: null, viewPath: viewPath, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The print view {viewPath} was not found.");
        }

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(_metadata, new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(context.HttpContext, _tempData);
        var viewContext = new ViewContext(context, found.View, viewData, tempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    private static string ReadStyleSheet(IWebHostEnvironment environment, string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The print style sheet {path} is missing from the web root ({environment.WebRootPath}).");
        }
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
