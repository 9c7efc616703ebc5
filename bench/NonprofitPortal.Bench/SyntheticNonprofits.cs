namespace NonprofitPortal.Bench;

/// <summary>Deterministic fake nonprofits: the same seed gives the same rows, run after run.</summary>
public static class SyntheticNonprofits
{
    public static readonly string[] Adjectives =
    [
        "Bright", "Green", "Open", "United", "Northern", "Coastal", "Rural", "Urban", "Hopeful", "Silver", "Golden", "Quiet", "Brave", "Kind",
        "Little", "Grand", "Young", "Ancient", "Harbour", "Valley", "Highland", "Lowland", "Eastern", "Western", "Central", "Riverside",
        "Meadow", "Summit", "Sunrise", "Evergreen", "Maple", "Oak", "Cedar", "Willow", "Stone", "Iron", "Crystal", "Amber", "Scarlet", "Azure",
    ];

    public static readonly string[] Nouns =
    [
        "River", "Bridge", "Garden", "Library", "Harvest", "Lantern", "Compass", "Anchor", "Beacon", "Orchard", "Meadow", "Forest", "Harbor",
        "Mountain", "Prairie", "Canyon", "Island", "Village", "Market", "Workshop", "Studio", "Theatre", "Choir", "Kitchen", "Pantry", "Clinic",
        "School", "Academy", "Circle", "Commons", "Haven", "Shelter", "Pathway", "Horizon", "Journey", "Voyage", "Spark", "Ember", "Harmony",
        "Canvas", "Story", "Song", "Field", "Well", "Spring", "Stream", "Lake", "Coast", "Hill", "Grove", "Nest", "Hive", "Loom", "Quill",
        "Kite", "Sail", "Wheel", "Ladder", "Key", "Door",
    ];

    public static readonly string[] Kinds =
    [
        "Foundation", "Trust", "Society", "Project", "Alliance", "Collective", "Network", "Fund", "Association", "Initiative", "Partnership",
        "Centre", "Council", "Club", "Cooperative",
    ];

    public static readonly string[] Tags =
    [
        "education", "youth", "health", "arts", "environment", "food", "housing", "elderly", "sport", "music", "literacy", "disability",
        "refugees", "women", "science", "heritage", "animals", "water", "climate", "employment", "justice", "community", "rural", "urban",
    ];

    public const int DomainCount = 5000;

    public static string Domain(int index) => $"{Nouns[index % Nouns.Length].ToLowerInvariant()}{index}.org";

    public static IEnumerable<SyntheticNonprofit> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var adjective = Adjectives[random.Next(Adjectives.Length)];
            var noun = Nouns[random.Next(Nouns.Length)];
            var kind = Kinds[random.Next(Kinds.Length)];
            var domain = Domain(random.Next(DomainCount));
            var tags = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct().ToArray();
            yield return new SyntheticNonprofit(
                $"{adjective} {noun} {kind}",
                $"{1 + random.Next(999)} {Nouns[random.Next(Nouns.Length)]} Road, {Adjectives[random.Next(Adjectives.Length)]}ton",
                $"{noun.ToLowerInvariant()}.{i}@{domain}",
                tags);
        }
    }
}

public sealed record SyntheticNonprofit(string Name, string Address, string Email, string[] Tags);
