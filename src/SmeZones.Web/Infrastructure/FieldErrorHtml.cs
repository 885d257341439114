using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// A field's error message, drawn under the field and tied to it by id (inputs name it in aria-describedby).
/// A helper rather than a partial: forms draw one per input, and a partial costs a view lookup each (ADR 0088).
/// </summary>
public static class FieldErrorHtml
{
    public static IHtmlContent FieldError(this IHtmlHelper html, string key)
    {
        if (html.ViewData.ModelState[key] is not { Errors.Count: > 0 } entry)
        {
            return HtmlString.Empty;
        }
        var message = new TagBuilder("div");
        message.AddCssClass("field-error");
        message.Attributes["id"] = FieldIds.ErrorFor(key);
        message.InnerHtml.Append(string.Join("；", entry.Errors.Select(e => e.ErrorMessage)));
        return message;
    }
}
