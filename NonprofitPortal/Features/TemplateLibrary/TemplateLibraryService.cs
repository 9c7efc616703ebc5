using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>Keeps the template library: templates saved from drafts or written whole, and new drafts made from them.</summary>
public sealed class TemplateLibraryService(
    IDbContextFactory<AppDbContext> contextFactory,
    DraftService drafts,
    DraftPreviewer previewer,
    AuditLog auditLog,
    IOptions<CampaignsOptions> campaignsOptions,
    TimeProvider time,
    ILogger<TemplateLibraryService> logger)
{
    private const char CcSeparator = ';';

    // Who a template is checked as: what it renders to does not matter, only whether it renders.
    private static readonly SenderValues SampleSender = new("Sample Sender", "sender@example.org");

    /// <param name="search">Part of a name or a description, in any case; null or blank for all.</param>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.DraftTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(term) || t.Description.ToLower().Contains(term));
        }

        return await query.OrderBy(t => t.Name)
            .Select(t => new TemplateSummary(t.Id, t.Name, t.Description, t.UpdatedBy, t.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<TemplateDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.DraftTemplates.AsNoTracking().Include(t => t.Attachments).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return template is null ? null : Details(template, await FilesAsync(db, template, cancellationToken));
    }

    public async Task<OperationResult<TemplateDetails>> CreateAsync(TemplateInput input, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (valid, errors) = Validate(input, cancellationToken);
        if (valid is null)
        {
            return OperationResult<TemplateDetails>.From(OperationResult.Invalid(errors));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (files, problem) = await ReferencesProblemAsync(db, null, valid, cancellationToken);
        if (problem is not null)
        {
            return OperationResult<TemplateDetails>.From(problem);
        }

        var actor = Actor.From(actingUser);
        var template = new DraftTemplate { CreatedBy = actor.Name, CreatedAt = time.GetUtcNow() };
        Apply(template, valid, actor);
        db.DraftTemplates.Add(template);
        auditLog.Add(db, actor, TemplateAuditActions.Created, template.Name, null);
        return await SaveAsync(db, template, files, cancellationToken);
    }

    /// <param name="expectedVersion">The version the change started from; null to overwrite whatever is there.</param>
    public async Task<OperationResult<TemplateDetails>> UpdateAsync(long id, TemplateInput input, int? expectedVersion, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (valid, errors) = Validate(input, cancellationToken);
        if (valid is null)
        {
            return OperationResult<TemplateDetails>.From(OperationResult.Invalid(errors));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.DraftTemplates.Include(t => t.Attachments).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return OperationResult<TemplateDetails>.From(NotFound());
        }

        if (expectedVersion is { } version && version != template.Version)
        {
            return OperationResult<TemplateDetails>.From(OperationResult.Conflict(
                $"{template.UpdatedBy} changed this template at {template.UpdatedAt:yyyy-MM-dd HH:mm} UTC, after you opened it. Reload to see their version."));
        }

        var (files, problem) = await ReferencesProblemAsync(db, id, valid, cancellationToken);
        if (problem is not null)
        {
            return OperationResult<TemplateDetails>.From(problem);
        }

        var actor = Actor.From(actingUser);
        Apply(template, valid, actor);
        auditLog.Add(db, actor, TemplateAuditActions.Edited, template.Name, null);
        return await SaveAsync(db, template, files, cancellationToken);
    }

    /// <summary>Renames a template and changes what it says it is for; its content stays.</summary>
    public async Task<OperationResult<TemplateDetails>> DescribeAsync(long id, string? name, string? description, ClaimsPrincipal actingUser, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } template
            ? await UpdateAsync(id, template.ToInput() with { Name = name, Description = description }, template.Version, actingUser, cancellationToken)
            : OperationResult<TemplateDetails>.From(NotFound());

    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.DraftTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        db.DraftTemplates.Remove(template);
        auditLog.Add(db, Actor.From(actingUser), TemplateAuditActions.Deleted, template.Name, null);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok();
    }

    /// <summary>A new template holding the saved draft's subject, body, layout, CC and attachments (not its recipients).</summary>
    public async Task<OperationResult<TemplateDetails>> SaveFromDraftAsync(long draftId, string? name, string? description, ClaimsPrincipal actingUser, CancellationToken cancellationToken) =>
        await drafts.FindAsync(draftId, cancellationToken) is { } draft
            ? await CreateAsync(FromDraft(draft, name, description), actingUser, cancellationToken)
            : OperationResult<TemplateDetails>.From(DraftNotFound());

    /// <summary>
    /// "Save as template" over the template called <paramref name="name"/> (in any case): it takes
    /// the saved draft's content and the description given, and keeps its id. A new template when
    /// none has that name (any more).
    /// </summary>
    public async Task<OperationResult<TemplateDetails>> ReplaceFromDraftAsync(long draftId, string? name, string? description, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(draftId, cancellationToken) is not { } draft)
        {
            return OperationResult<TemplateDetails>.From(DraftNotFound());
        }

        var lowered = (name ?? "").Trim().ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.DraftTemplates.Where(t => t.Name.ToLower() == lowered).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
        var input = FromDraft(draft, name, description);
        return existing is { } id
            ? await UpdateAsync(id, input, null, actingUser, cancellationToken)
            : await CreateAsync(input, actingUser, cancellationToken);
    }

    private static TemplateInput FromDraft(DraftDetails draft, string? name, string? description) =>
        new(name, description, draft.SubjectTemplate, draft.BodyTemplate, draft.Layout, draft.Cc, draft.Attachments.Select(a => a.MediaId).ToList());

    private static OperationResult DraftNotFound() => OperationResult.NotFound("That draft does not exist (any more).");

    /// <summary>A new draft made by the Drafts feature from what the template holds.</summary>
    /// <param name="adjust">Changes the draft's input before it is created (an API request's own fields); null to take the template as it is.</param>
    public async Task<OperationResult<DraftDetails>> NewDraftAsync(long templateId, ClaimsPrincipal actingUser, CancellationToken cancellationToken, Func<DraftInput, DraftInput>? adjust = null)
    {
        if (await FindAsync(templateId, cancellationToken) is not { } template)
        {
            return OperationResult<DraftDetails>.From(OperationResult.Invalid("fromTemplateId", $"There is no template {templateId} (any more): choose another."));
        }

        var input = template.ToDraftInput();
        var created = await drafts.CreateAsync(adjust is null ? input : adjust(input), actingUser, cancellationToken);
        if (created.Value is { } draft)
        {
            await auditLog.RecordAsync(Actor.From(actingUser), TemplateAuditActions.Used, template.Name, $"for the draft “{draft.Name}” ({draft.Id})", cancellationToken);
        }

        return created;
    }

    /// <summary>Adds each starter template that was never added before; safe on several nodes starting at once.</summary>
    public async Task SeedStartersAsync(CancellationToken cancellationToken)
    {
        foreach (var starter in StarterTemplates.All)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await db.SeededStarterTemplates.AnyAsync(s => s.Key == starter.Key, cancellationToken))
            {
                continue;
            }

            var now = time.GetUtcNow();
            db.SeededStarterTemplates.Add(new SeededStarterTemplate { Key = starter.Key, SeededAt = now });
            var lowered = starter.Name.ToLowerInvariant();
            // Someone's own template of the same name stays; the starter is then not added at all.
            if (!await db.DraftTemplates.AnyAsync(t => t.Name.ToLower() == lowered, cancellationToken))
            {
                db.DraftTemplates.Add(new DraftTemplate
                {
                    Name = starter.Name,
                    Description = starter.Description,
                    SubjectTemplate = starter.SubjectTemplate,
                    BodyTemplate = starter.BodyTemplate,
                    CreatedBy = Actor.System.Name,
                    UpdatedBy = Actor.System.Name,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Added the starter template {Template}", starter.Name);
            }
            catch (DbUpdateException exception)
            {
                if (!await SeededAsync(starter.Key, cancellationToken))
                {
                    throw;
                }

                logger.LogDebug(exception, "Another node added the starter template {Template} at the same moment", starter.Name);
            }
        }
    }

    private (ValidTemplate? Template, Dictionary<string, string[]> Errors) Validate(TemplateInput input, CancellationToken cancellationToken)
    {
        var rendered = previewer.Preview(input.SubjectTemplate ?? "", input.BodyTemplate ?? "", null, null, SampleSender, cancellationToken);
        return TemplateRules.Validate(input, rendered.Errors);
    }

    /// <summary>A taken name, a layout or media file that is not there: each refused with what to do.</summary>
    private async Task<(IReadOnlyList<AttachedFile> Files, OperationResult? Problem)> ReferencesProblemAsync(AppDbContext db, long? id, ValidTemplate template, CancellationToken cancellationToken)
    {
        var lowered = template.Name.ToLowerInvariant();
        if (await db.DraftTemplates.AnyAsync(t => t.Id != id && t.Name.ToLower() == lowered, cancellationToken))
        {
            return ([], NameTaken(template.Name));
        }

        if (template.Layout is { UseLayout: true, LayoutId: { } layoutId } && !await db.EmailLayouts.AnyAsync(l => l.Id == layoutId, cancellationToken))
        {
            return ([], OperationResult.Invalid("layoutId", $"There is no layout {layoutId} (any more): choose another, or none for the default layout."));
        }

        var files = await DraftService.FilesAsync(db, template.Attachments, cancellationToken);
        return DraftRules.AttachmentsProblem(template.Attachments, files, campaignsOptions.Value.MaxAttachmentBytes) is { } problem
            ? (files, OperationResult.Invalid("attachments", problem))
            : (files, null);
    }

    private async Task<OperationResult<TemplateDetails>> SaveAsync(AppDbContext db, DraftTemplate template, IReadOnlyList<AttachedFile> files, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult<TemplateDetails>.From(OperationResult.Conflict("Someone else changed this template at the same moment. Reload it to see their changes."));
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name taken at the same moment.
            if (!await NameTakenAsync(template, cancellationToken))
            {
                throw;
            }

            return OperationResult<TemplateDetails>.From(NameTaken(template.Name));
        }

        return OperationResult<TemplateDetails>.Ok(Details(template, files));
    }

    private async Task<bool> NameTakenAsync(DraftTemplate template, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DraftTemplates.AnyAsync(t => t.Id != template.Id && t.Name == template.Name, cancellationToken);
    }

    private async Task<bool> SeededAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SeededStarterTemplates.AnyAsync(s => s.Key == key, cancellationToken);
    }

    private void Apply(DraftTemplate template, ValidTemplate valid, Actor actor)
    {
        template.Name = valid.Name;
        template.Description = valid.Description;
        template.SubjectTemplate = valid.SubjectTemplate;
        template.BodyTemplate = valid.BodyTemplate;
        template.LayoutId = valid.Layout.UseLayout ? valid.Layout.LayoutId : null;
        template.UseLayout = valid.Layout.UseLayout;
        template.CcAddresses = string.Join(CcSeparator, valid.Cc);
        template.Attachments.RemoveAll(a => !valid.Attachments.Contains(a.MediaFileId));
        foreach (var (mediaId, position) in valid.Attachments.Select((mediaId, position) => (mediaId, position)))
        {
            if (template.Attachments.Find(a => a.MediaFileId == mediaId) is { } kept)
            {
                kept.Position = position;
            }
            else
            {
                template.Attachments.Add(new DraftTemplateAttachment { MediaFileId = mediaId, Position = position });
            }
        }

        template.UpdatedBy = actor.Name;
        template.UpdatedAt = time.GetUtcNow();
        template.Version++;
    }

    private static Task<IReadOnlyList<AttachedFile>> FilesAsync(AppDbContext db, DraftTemplate template, CancellationToken cancellationToken) =>
        DraftService.FilesAsync(db, template.Attachments.OrderBy(a => a.Position).Select(a => a.MediaFileId).ToList(), cancellationToken);

    private static TemplateDetails Details(DraftTemplate template, IReadOnlyList<AttachedFile> attachments) => new(
        template.Id,
        template.Name,
        template.Description,
        template.SubjectTemplate,
        template.BodyTemplate,
        new LayoutChoice(template.LayoutId, template.UseLayout),
        template.CcAddresses.Split(CcSeparator, StringSplitOptions.RemoveEmptyEntries),
        attachments,
        template.CreatedBy,
        template.CreatedAt,
        template.UpdatedBy,
        template.UpdatedAt,
        template.Version);

    private static OperationResult NameTaken(string name) =>
        OperationResult.Conflict($"There is already a template called “{name}”: choose another name, or change that one.");

    private static OperationResult NotFound() => OperationResult.NotFound("That template does not exist (any more).");
}
