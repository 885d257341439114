using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;
using SmeZones.Core.Forms;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Strips control characters (NUL and the like; not tab, CR, LF) from every posted form value, query value and
/// route value before any page binds or reads them, so no text from a request can reach PostgreSQL with a NUL
/// (22021/22P05 = a 500). One step for all pages, including those that read <c>Request.Form</c> directly.
/// Runs after the request-size and form-limit filters (order 900) so a page's own limits still apply.
/// See docs/adr/0009-hostile-input-at-the-edges.md.
/// </summary>
public sealed class ControlCharacterFilter : IAsyncResourceFilter, IOrderedFilter
{
    public int Order => 1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            if (form.Any(f => Dirty(f.Key, f.Value)))
            {
                request.Form = new FormCollection(Clean(form), form.Files);
            }
        }
        if (request.Query.Any(q => Dirty(q.Key, q.Value)))
        {
            request.Query = new QueryCollection(Clean(request.Query));
        }
        foreach (var (key, value) in context.RouteData.Values.ToList())
        {
            if (value is string text && FormText.HasControlCharacters(text))
            {
                context.RouteData.Values[key] = FormText.StripControlCharacters(text);
            }
        }
        await next();
    }

    private static bool Dirty(string key, StringValues values) =>
        FormText.HasControlCharacters(key) || values.Any(v => v is not null && FormText.HasControlCharacters(v));

    private static Dictionary<string, StringValues> Clean(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var name = FormText.StripControlCharacters(key);
            var stripped = new StringValues(value.Select(v => v is null ? null : FormText.StripControlCharacters(v)).ToArray());
            cleaned[name] = cleaned.TryGetValue(name, out var existing) ? StringValues.Concat(existing, stripped) : stripped;
        }
        return cleaned;
    }
}
