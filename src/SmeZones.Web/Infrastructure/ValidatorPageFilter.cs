using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The one place where FluentValidation meets ModelState. Before a handler of a post runs, it validates the page model
/// (if a validator is registered for its type) and each bound property that has a validator, and puts every failure
/// beside its field, so the handler only asks <c>ModelState.IsValid</c>. A property's failures are keyed under the
/// property's name ("Form.Name"), as the tag helpers name its inputs.
/// </summary>
/// <remarks>
/// Gets are not validated: a form shown for the first time has no errors. Rules that need what only the handler loads
/// (the application, the round, the stage) stay with the handler or in Core.
/// </remarks>
public sealed class ValidatorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && context.HandlerInstance is { } page)
        {
            var aborted = context.HttpContext.RequestAborted;
            await ValidateAsync(page, prefix: null, context, aborted);
            foreach (var property in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            {
                if (property.Property.GetValue(page) is { } value)
                {
                    await ValidateAsync(value, property.BindingInfo?.BinderModelName ?? property.Name, context, aborted);
                }
            }
        }
        await next();
    }

    private static async Task ValidateAsync(object model, string? prefix, PageHandlerExecutingContext context, CancellationToken aborted)
    {
        if (context.HttpContext.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(model.GetType())) is not IValidator validator)
        {
            return;
        }
        var result = await validator.ValidateAsync(new ValidationContext<object>(model), aborted);
        foreach (var failure in result.Errors)
        {
            var key = prefix is null ? failure.PropertyName
                : failure.PropertyName.Length == 0 ? prefix
                : $"{prefix}.{failure.PropertyName}";
            // A value the binder could not read ("abc" for a number) already has its message; the rule's would only
            // repeat it about the default the binder left behind.
            if (context.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            context.ModelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}
