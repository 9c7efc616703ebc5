namespace NonprofitPortal.Features.Drafts;

/// <summary>A file a draft attaches, as the editor and the API show it.</summary>
public sealed record AttachedFile(long MediaId, string Name, string ContentType, long Bytes);
