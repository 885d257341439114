using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SmeZones.Core;

namespace SmeZones.Web.Infrastructure;

public static class OperationErrors
{
    /// <summary>
    /// The one mapping of Core's errors to ModelState: each goes beside the input <paramref name="inputFor"/> names for
    /// its key (by default the key itself, which suits answer keys and keys matching a page property; ModelState keys
    /// ignore case), and an error for the whole request, or one whose key the page has no input for, to the summary.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<OperationError> errors, Func<string, string?>? inputFor = null)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(Input(error, inputFor) ?? "", error.Message);
        }
    }

    /// <summary>
    /// The same mapping for a validator that asks Core's rules before the handler runs (<see cref="ValidatorPageFilter"/>
    /// puts each failure beside the input it names), so a refusal lands where the handler's would.
    /// </summary>
    public static void AddFailures<T>(this ValidationContext<T> context, IEnumerable<OperationError> errors, Func<string, string?>? inputFor = null)
    {
        foreach (var error in errors)
        {
            context.AddFailure(Input(error, inputFor) ?? "", error.Message);
        }
    }

    private static string? Input(OperationError error, Func<string, string?>? inputFor) =>
        error.IsForRequest ? null : inputFor is null ? error.Key : inputFor(error.Key);
}
