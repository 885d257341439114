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
            var input = error.IsForRequest ? null : inputFor is null ? error.Key : inputFor(error.Key);
            modelState.AddModelError(input ?? "", error.Message);
        }
    }
}
