using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmeZones.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Puts each FluentValidation failure next to its field on the page.</summary>
    public static bool CopyTo(this ValidationResult result, ModelStateDictionary modelState)
    {
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
        return result.IsValid;
    }
}
