using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using ReadQuery = System.Linq.Expressions.Expression<System.Func<SmeZones.Core.Data.PortalDbContext, System.Guid, System.Guid, int,
    SmeZones.Core.Organisations.OrganisationLevel, string?, System.Threading.CancellationToken, SmeZones.Core.Assessment.DraftRead.Row?>>;

namespace SmeZones.Core.Assessment;

/// <summary>
/// The section pages' read of a draft (ADRs 0090, 0091): the application the viewer may reach, its round and the
/// province figures its self-check needs, in one statement compiled once per shape and visibility rule.
/// </summary>
public static class DraftRead
{
    /// <summary>
    /// The application the viewer may see (by <see cref="ApplicationAccess.RuleFor"/>), untracked, with its round (not
    /// the round's stages nor the organisation: the section pages use neither) and the province reference figures for
    /// the self-check, in one statement that returns one row.
    /// </summary>
    public static Task<DraftForPage?> FindVisibleAsync(PortalDbContext db, Viewer viewer, Guid id, CancellationToken ct = default) =>
        FindAsync(Shape.Shown, db, viewer, id, ct);

    /// <summary>As <see cref="FindVisibleAsync"/>, tracked, for a save.</summary>
    public static Task<DraftForPage?> FindVisibleForSaveAsync(PortalDbContext db, Viewer viewer, Guid id, CancellationToken ct = default) =>
        FindAsync(Shape.Saved, db, viewer, id, ct);

    /// <summary>As <see cref="FindVisibleAsync"/>, with the round's stages and the organisation too (the overview shows them).</summary>
    public static Task<DraftForPage?> FindVisibleWithRoundAndOrganisationAsync(PortalDbContext db, Viewer viewer, Guid id, CancellationToken ct = default) =>
        FindAsync(Shape.Overview, db, viewer, id, ct);

    private enum Shape { Shown, Saved, Overview }

    /// <summary>A row of the read (public only because the query's type names it).</summary>
    public sealed record Row(Application Application, ProvinceReferenceFigures? Figures);

    // What each shape loads. A page that only shows the draft does not track it: nothing to snapshot for a save.
    private static readonly Expression<Func<IQueryable<Application>, IQueryable<Application>>> Untracked = q => q.AsNoTracking();
    private static readonly Expression<Func<IQueryable<Application>, IQueryable<Application>>> WithRound = q => q.Include(a => a.Campaign);
    private static readonly Dictionary<Shape, Expression<Func<IQueryable<Application>, IQueryable<Application>>>> Shapes = new()
    {
        [Shape.Shown] = ExpressionParameters.Then(Untracked, WithRound),
        [Shape.Saved] = WithRound,
        [Shape.Overview] = ExpressionParameters.Then(Untracked, ApplicationAccess.RoundAndOrganisation),
    };

    // The read, with two marks that Compile replaces: the shape of the source and the viewer's rule. The viewer comes as
    // the values its rules read, named as on Viewer: a compiled query takes scalars, not members of an argument. A plain
    // left join on the figures' key: FirstOrDefault in a projection would rank the whole table first.
    private static readonly ReadQuery Read =
        (db, id, UserId, OrganisationId, OrganisationLevel, RegionCode, ct) => (
            from a in Shaped(db.Applications).Where(a => a.Id == id && Visible(a))
            join f in db.ProvinceReferenceFigures on new { a.CampaignId, RegionCode = a.ProvincialUnitCode } equals new { f.CampaignId, f.RegionCode } into figures
            from f in figures.DefaultIfEmpty()
            select new Row(a, f)).SingleOrDefault();

    // Compiled once per shape and rule (a handful), so no request pays for building and translating the query (ADR 0091).
    private static readonly ConcurrentDictionary<(Shape, Expression<Func<Application, Viewer, bool>>), Func<PortalDbContext, Guid, Guid, int, OrganisationLevel, string?, CancellationToken, Task<Row?>>> Compiled = new();

    private static async Task<DraftForPage?> FindAsync(Shape shape, PortalDbContext db, Viewer viewer, Guid id, CancellationToken ct)
    {
        var read = Compiled.GetOrAdd((shape, ApplicationAccess.RuleFor(viewer)), key => EF.CompileAsyncQuery(Compile(Shapes[key.Item1], key.Item2)));
        var row = await read(db, id, viewer.UserId, viewer.OrganisationId, viewer.OrganisationLevel, viewer.RegionCode, ct);
        return row is null
            ? null
            : new DraftForPage(row.Application, ApplicationAssessment.SettingsFor(row.Application.Campaign!, row.Application.RegionCode, row.Figures));
    }

    private static ReadQuery Compile(Expression<Func<IQueryable<Application>, IQueryable<Application>>> shape, Expression<Func<Application, Viewer, bool>> rule) =>
        (ReadQuery)new Marks(shape, rule, Read.Parameters).Visit(Read);

    private static IQueryable<Application> Shaped(IQueryable<Application> applications) => throw new UnreachableException("A mark in Read.");

    private static bool Visible(Application application) => throw new UnreachableException("A mark in Read.");

    private sealed class Marks(
        Expression<Func<IQueryable<Application>, IQueryable<Application>>> shape, Expression<Func<Application, Viewer, bool>> rule,
        IReadOnlyList<ParameterExpression> values) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) => node.Method.Name switch
        {
            nameof(Shaped) when node.Method.DeclaringType == typeof(DraftRead) =>
                ExpressionParameters.Apply(shape, Visit(node.Arguments[0])),
            nameof(Visible) when node.Method.DeclaringType == typeof(DraftRead) =>
                new ViewerValues(rule.Parameters[1], values).Visit(ExpressionParameters.Replace(rule.Body, rule.Parameters[0], Visit(node.Arguments[0]))),
            _ => base.VisitMethodCall(node),
        };
    }

    /// <summary>Each member of the viewer that a rule reads becomes the query's parameter of the same name.</summary>
    private sealed class ViewerValues(ParameterExpression viewer, IReadOnlyList<ParameterExpression> values) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == viewer
                ? values.SingleOrDefault(p => p.Name == node.Member.Name) ?? throw new InvalidOperationException($"The draft's read has no parameter for Viewer.{node.Member.Name}.")
                : base.VisitMember(node);
    }
}
