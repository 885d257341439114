using System.Linq.Expressions;

namespace SmeZones.Core.Data;

/// <summary>
/// Puts a value or an expression in place of a lambda's parameter, so one rule written as an expression serves both a
/// query built per request (the value bound, as a closure would capture it) and a compiled query (an argument).
/// </summary>
internal static class ExpressionParameters
{
    /// <summary>The rule with its second parameter bound to <paramref name="value"/>, as a captured variable.</summary>
    public static Expression<Func<T, bool>> Bind<T, TValue>(Expression<Func<T, TValue, bool>> rule, TValue value)
    {
        // A member of a constant object, as the compiler writes a captured variable: EF Core sends it as a SQL
        // parameter (one plan for every viewer), where a bare constant would be written into the SQL.
        var captured = Expression.Field(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));
        return Expression.Lambda<Func<T, bool>>(Replace(rule.Body, rule.Parameters[1], captured), rule.Parameters[0]);
    }

    /// <summary>The body of a one-parameter lambda applied to <paramref name="argument"/>.</summary>
    public static Expression Apply(LambdaExpression lambda, Expression argument) => Replace(lambda.Body, lambda.Parameters[0], argument);

    /// <summary><paramref name="first"/>, then <paramref name="then"/> on its result, as one lambda.</summary>
    public static Expression<Func<T, TResult>> Then<T, TMiddle, TResult>(Expression<Func<T, TMiddle>> first, Expression<Func<TMiddle, TResult>> then) =>
        Expression.Lambda<Func<T, TResult>>(Apply(then, first.Body), first.Parameters[0]);

    /// <summary><paramref name="body"/> with every use of <paramref name="parameter"/> replaced by <paramref name="by"/>.</summary>
    public static Expression Replace(Expression body, ParameterExpression parameter, Expression by) =>
        new Replacer(parameter, by).Visit(body);

    private sealed class Captured<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private sealed class Replacer(ParameterExpression parameter, Expression by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? by : node;
    }
}
