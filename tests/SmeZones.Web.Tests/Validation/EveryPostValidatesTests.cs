using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Validation;

/// <summary>
/// The rule of issue 9, enforced over the Web assembly: every page model with a post handler has a FluentValidation
/// validator (run by the one page filter) for what it binds, and binds its form through properties the validator sees,
/// not through handler parameters it cannot.
/// </summary>
[Collection(PortalCollection.Name)]
public class EveryPostValidatesTests(PortalHost host)
{
    /// <summary>Pages whose posts carry nothing to validate: the button is the whole request.</summary>
    private static readonly HashSet<string> BindNothing =
        ["SmeZones.Web.Pages.Account.LogoutModel", "SmeZones.Web.Pages.Applications.SubmitModel", "SmeZones.Web.Pages.Messages.IndexModel"];

    /// <summary>The error page answers a failed post by re-execution; its status code comes from the query, not a form.</summary>
    private const string ErrorPage = "ErrorModel";

    /// <summary>Route values (checked by the route's constraints) and the request's own token are not form input.</summary>
    private static readonly HashSet<string> RouteValues = ["id", "section", "campaignId", "next", "ct"];

    private static IEnumerable<Type> PageModelsWithPosts() =>
        typeof(Web.Infrastructure.ValidatorPageFilter).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.Name != ErrorPage && Handlers(t).Any());

    private static IEnumerable<MethodInfo> Handlers(Type page) =>
        page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal));

    [Fact]
    public void Every_page_with_a_post_handler_has_a_validator_for_its_page_model_or_a_bound_form()
    {
        using var scope = host.Services.CreateScope();
        var missing = new List<string>();
        foreach (var page in PageModelsWithPosts().Where(p => !BindNothing.Contains(p.FullName!)))
        {
            var bound = page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null).Select(p => p.PropertyType);
            var validated = new[] { page }.Concat(bound)
                .Any(t => scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(t)) is not null);
            if (!validated)
            {
                missing.Add(page.FullName!);
            }
        }
        Assert.True(missing.Count == 0, "No validator for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Post_handlers_take_form_input_as_bound_properties_not_as_parameters_the_validator_cannot_see()
    {
        var parameters = PageModelsWithPosts().SelectMany(page => Handlers(page).SelectMany(h => h.GetParameters()
                .Where(p => p.ParameterType != typeof(CancellationToken) && !RouteValues.Contains(p.Name!) && !IsFile(p.ParameterType))
                .Select(p => $"{page.Name}.{h.Name}({p.Name})")))
            .ToList();
        Assert.True(parameters.Count == 0, "Handler parameters bound from the form: " + string.Join(", ", parameters));
    }

    [Fact]
    public void The_bind_nothing_pages_really_bind_nothing()
    {
        var pages = PageModelsWithPosts().Where(p => BindNothing.Contains(p.FullName!)).ToList();
        Assert.Equal(BindNothing.Count, pages.Count);
        Assert.All(pages, page => Assert.DoesNotContain(page.GetProperties(), p => p.GetCustomAttribute<BindPropertyAttribute>() is not null));
    }

    [Fact]
    public void A_bound_dictionary_names_its_prefix_so_it_never_takes_the_other_fields_of_the_form()
    {
        // Unnamed, the binder falls back to the empty prefix when the form posts none of the map's keys, and a
        // dictionary then binds every field of the form ("Version", "__RequestVerificationToken") as an entry.
        var unnamed = PageModelsWithPosts().SelectMany(page => page.GetProperties()
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { Name: null } && IsDictionary(p.PropertyType))
                .Select(p => $"{page.FullName}.{p.Name}"))
            .ToList();
        Assert.True(unnamed.Count == 0, "Bound dictionaries without a name: " + string.Join(", ", unnamed));
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    // A file's name and content are checked by Core's content checks (ADR 0010), where the bytes are read.
    private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type);
}
