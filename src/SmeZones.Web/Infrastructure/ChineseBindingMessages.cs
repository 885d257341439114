using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Model binding's own messages in Chinese, for every accessor the provider has: a number field given "abc", a date
/// given "明天", a value missing for a non-nullable field. They name no property (the framework passes the C# name) and
/// never echo what was typed (it is unbounded and hostile); the message stands beside the field, which has its label.
/// </summary>
public static class ChineseBindingMessages
{
    public const string NotANumber = "请填写数字。";
    public const string Invalid = "填写的内容格式不正确，请检查后重新填写。";
    public const string Missing = "请填写此项。";
    public const string NotADate = "日期格式不正确，请按“年-月-日”填写，例如 2026-10-01。";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(_ => Missing);
        messages.SetMissingKeyOrValueAccessor(() => Missing);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空，请重新提交。");
        messages.SetValueMustNotBeNullAccessor(_ => Missing);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => NotANumber);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => NotANumber);
    }

    /// <summary>Sets the messages and leaves required-ness to the validators, whose messages are Chinese and name the field.</summary>
    public static void UseChineseBindingMessages(this MvcOptions options)
    {
        Apply(options.ModelBindingMessageProvider);
        options.ModelMetadataDetailsProviders.Add(new ByType(options.ModelBindingMessageProvider));
        // Otherwise a non-nullable string gets an implicit [Required] with an English "The X field is required.".
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    }

    /// <summary>A number or date field that does not parse says what it wants rather than "format incorrect".</summary>
    private sealed class ByType(DefaultModelBindingMessageProvider portal) : IBindingMetadataProvider
    {
        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
            var message = type == typeof(int) || type == typeof(long) || type == typeof(uint) || type == typeof(decimal) || type == typeof(double)
                ? NotANumber
                : type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? NotADate : null;
            if (message is not null)
            {
                var messages = new DefaultModelBindingMessageProvider(portal);
                messages.SetAttemptedValueIsInvalidAccessor((_, _) => message);
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => message);
                messages.SetValueIsInvalidAccessor(_ => message);
                context.BindingMetadata.ModelBindingMessageProvider = messages;
            }
        }
    }
}
