using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Features.Drafts.History;

/// <summary>Adds to a save what it does to the draft's history, so that both are written by the same <c>SaveChanges</c>.</summary>
public static class DraftVersioning
{
    /// <param name="draft">The draft as the save leaves it, tracked by <paramref name="db"/>.</param>
    public static void Record(AppDbContext db, EmailDraft draft, DraftSaveReason reason, Actor actor, DateTimeOffset now)
    {
        var content = DraftContent.Of(draft).Serialize();
        var hash = DraftContent.Hash(content);
        var savedBy = actor.Id ?? actor.Name;
        var head = draft.History;
        switch (DraftVersionRule.Decide(head, hash, reason, savedBy, now))
        {
            case VersionStep.Add:
                var number = head.Number + 1;
                db.Add(new DraftVersion
                {
                    Draft = draft,
                    Number = number,
                    Kind = reason.Kind,
                    RestoredFrom = reason.RestoredFrom,
                    SavedById = actor.Id,
                    SavedBy = actor.Name,
                    SavedAt = now,
                    ContentHash = hash,
                    Content = content,
                });
                draft.History = new DraftHistoryHead { Number = number, Kind = reason.Kind, SavedBy = savedBy, StartedAt = now, ContentHash = hash };
                break;
            case VersionStep.ReplaceHead:
                var replaced = Newest(db, draft);
                (replaced.Content, replaced.ContentHash, replaced.SavedAt) = (content, hash, now);
                head.ContentHash = hash;
                break;
            case VersionStep.MarkHeadSaved:
                var marked = Newest(db, draft);
                (marked.Kind, marked.SavedAt) = (DraftVersionKind.Saved, now);
                head.Kind = DraftVersionKind.Saved;
                break;
        }
    }

    /// <summary>The newest version, attached by its key alone: the save updates it without reading it.</summary>
    private static DraftVersion Newest(AppDbContext db, EmailDraft draft)
    {
        var newest = new DraftVersion { DraftId = draft.Id, Number = draft.History.Number };
        db.Attach(newest);
        return newest;
    }
}
