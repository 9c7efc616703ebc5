using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Layouts;

/// <summary>Keeps the layouts, with exactly one default among them.</summary>
public sealed class LayoutService(
    IDbContextFactory<AppDbContext> contextFactory,
    TemplateRenderer renderer,
    DraftPreviewer previewer,
    AuditLog auditLog,
    TimeProvider time,
    ILogger<LayoutService> logger)
{
    public async Task<IReadOnlyList<LayoutSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailLayouts.AsNoTracking()
            .OrderByDescending(l => l.IsDefault).ThenBy(l => l.Name)
            .Select(l => new LayoutSummary(l.Id, l.Name, l.IsDefault, l.UpdatedBy, l.UpdatedAt, db.EmailDrafts.Count(d => d.LayoutId == l.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LayoutDetails>> ListDetailsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var layouts = await db.EmailLayouts.AsNoTracking().OrderByDescending(l => l.IsDefault).ThenBy(l => l.Name).ToListAsync(cancellationToken);
        return layouts.Select(LayoutDetails.From).ToList();
    }

    public async Task<LayoutDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailLayouts.AsNoTracking().Where(l => l.Id == id).Select(l => LayoutDetails.From(l)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The layout a draft goes out in: none when it uses no layout, the one it chose, or the
    /// default when it chose none (or its choice was deleted).
    /// </summary>
    public async Task<LayoutDetails?> ResolveAsync(long? layoutId, bool useLayout, CancellationToken cancellationToken)
    {
        if (!useLayout)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var layouts = db.EmailLayouts.AsNoTracking();
        var chosen = layoutId is { } id ? await layouts.SingleOrDefaultAsync(l => l.Id == id, cancellationToken) : null;
        var layout = chosen ?? await layouts.FirstOrDefaultAsync(l => l.IsDefault, cancellationToken);
        return layout is null ? null : LayoutDetails.From(layout);
    }

    public async Task<bool> ExistsAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailLayouts.AnyAsync(l => l.Id == id, cancellationToken);
    }

    public async Task<OperationResult<LayoutDetails>> CreateAsync(LayoutInput input, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (await ProblemsAsync(input, actingUser, cancellationToken) is { Count: > 0 } problems)
        {
            return OperationResult<LayoutDetails>.From(OperationResult.Invalid(problems));
        }

        var actor = Actor.From(actingUser);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var layout = new EmailLayout { CreatedBy = actor.Name, CreatedAt = time.GetUtcNow() };
        Apply(layout, input, actor);
        // The first layout is the default, whatever it asks: there must always be one.
        layout.IsDefault = input.IsDefault || !await db.EmailLayouts.AnyAsync(cancellationToken);
        if (layout.IsDefault)
        {
            await ClearDefaultAsync(db, cancellationToken);
        }

        db.EmailLayouts.Add(layout);
        auditLog.Add(db, actor, LayoutAuditActions.Created, layout.Name, layout.IsDefault ? "the default layout" : null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<LayoutDetails>.Ok(LayoutDetails.From(layout));
    }

    /// <param name="expectedVersion">The version the editor started from; null to overwrite whatever is there.</param>
    public async Task<OperationResult<LayoutDetails>> UpdateAsync(long id, LayoutInput input, int? expectedVersion, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (await ProblemsAsync(input, actingUser, cancellationToken) is { Count: > 0 } problems)
        {
            return OperationResult<LayoutDetails>.From(OperationResult.Invalid(problems));
        }

        var actor = Actor.From(actingUser);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var layout = await db.EmailLayouts.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (layout is null)
        {
            return OperationResult<LayoutDetails>.From(NotFound());
        }

        if (expectedVersion is { } version && version != layout.Version)
        {
            return OperationResult<LayoutDetails>.From(OperationResult.Conflict(
                $"{layout.UpdatedBy} saved this layout at {layout.UpdatedAt:yyyy-MM-dd HH:mm} UTC, after you opened it. Reload to see their version."));
        }

        if (layout.IsDefault && !input.IsDefault)
        {
            return OperationResult<LayoutDetails>.From(OperationResult.Conflict("There must be a default layout: make another layout the default instead."));
        }

        if (input.IsDefault && !layout.IsDefault)
        {
            await ClearDefaultAsync(db, cancellationToken);
        }

        Apply(layout, input, actor);
        layout.IsDefault = input.IsDefault;
        auditLog.Add(db, actor, LayoutAuditActions.Edited, layout.Name, layout.IsDefault ? "the default layout" : null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult<LayoutDetails>.From(OperationResult.Conflict("Someone else saved this layout at the same moment. Reload it to see their changes."));
        }

        await transaction.CommitAsync(cancellationToken);
        return OperationResult<LayoutDetails>.Ok(LayoutDetails.From(layout));
    }

    /// <summary>Deletes a layout other than the default; drafts that chose it go out in the default.</summary>
    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var layout = await db.EmailLayouts.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (layout is null)
        {
            return NotFound();
        }

        if (layout.IsDefault)
        {
            return OperationResult.Conflict("The default layout cannot be deleted: make another layout the default first.");
        }

        db.EmailLayouts.Remove(layout);
        auditLog.Add(db, Actor.From(actingUser), LayoutAuditActions.Deleted, layout.Name, null);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok();
    }

    /// <summary>Adds the layout that ships with the app when there is none (a new installation).</summary>
    public async Task SeedDefaultAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.EmailLayouts.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.EmailLayouts.Add(new EmailLayout
        {
            Name = DefaultLayout.Name,
            Html = DefaultLayout.Html,
            IsDefault = true,
            CreatedBy = Actor.System.Name,
            UpdatedBy = Actor.System.Name,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added the default email layout {Layout}", DefaultLayout.Name);
    }

    /// <summary>
    /// Everything wrong with a layout's HTML, at its own lines and columns: the rules, then whether
    /// it renders for the example nonprofit (misspelt variables show only then).
    /// </summary>
    public IReadOnlyList<TemplateError> HtmlErrors(string html, SenderValues sender, CancellationToken cancellationToken)
    {
        if (LayoutRules.HtmlErrors(html) is { Count: > 0 } errors)
        {
            return errors;
        }

        var model = previewer.ModelFor(DraftPreviewer.Sample, sender);
        return renderer.Render("", LayoutTemplate.Alone(html), model, cancellationToken).Errors.Select(error => error with { Part = TemplateError.Layout }).ToList();
    }

    private async Task<Dictionary<string, string[]>> ProblemsAsync(LayoutInput input, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var problems = LayoutRules.NameProblems(input.Name);
        var errors = HtmlErrors(input.Html ?? "", await previewer.SenderAsync(actingUser, cancellationToken), cancellationToken);
        if (errors.Count > 0)
        {
            problems["html"] = errors.Select(LayoutRules.Describe).ToArray();
        }

        return problems;
    }

    private static async Task ClearDefaultAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var other in await db.EmailLayouts.Where(l => l.IsDefault).ToListAsync(cancellationToken))
        {
            other.IsDefault = false;
        }
    }

    private void Apply(EmailLayout layout, LayoutInput input, Actor actor)
    {
        layout.Name = input.Name!.Trim();
        layout.Html = input.Html!;
        layout.UpdatedBy = actor.Name;
        layout.UpdatedAt = time.GetUtcNow();
        layout.Version++;
    }

    private static OperationResult NotFound() => OperationResult.NotFound("That layout does not exist (any more).");
}
