using System.Collections.Concurrent;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// Parsed templates by part and text, each parsed once even when many renders ask for it at the same time.
/// Bounded, because the editor checks a new text at every pause in typing: when full, the least recently
/// used quarter goes.
/// </summary>
internal sealed class TemplateCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Part, string Text), Entry> _entries = new();
    private readonly Lock _evictionLock = new();
    private long _parses;
    private long _clock;

    public int Count => _entries.Count;

    public long Parses => Interlocked.Read(ref _parses);

    public ParsedTemplate Get(string part, string text)
    {
        if (!_entries.TryGetValue((part, text), out var entry))
        {
            if (_entries.Count >= capacity)
            {
                Evict();
            }

            entry = _entries.GetOrAdd((part, text), static (key, cache) => new Entry(new Lazy<ParsedTemplate>(() => cache.Parse(key.Part, key.Text))), this);
        }

        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry.Parsed.Value;
    }

    private ParsedTemplate Parse(string part, string text)
    {
        Interlocked.Increment(ref _parses);
        return ParsedTemplate.Parse(part, text);
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            if (_entries.Count < capacity)
            {
                return;
            }

            foreach (var key in _entries.OrderBy(entry => entry.Value.LastUsed).Take(Math.Max(1, capacity / 4)).Select(entry => entry.Key).ToList())
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(Lazy<ParsedTemplate> parsed)
    {
        public Lazy<ParsedTemplate> Parsed { get; } = parsed;

        public long LastUsed { get; set; }
    }
}
