using NonprofitPortal.Bench;

// dotnet run -c Release --project bench/NonprofitPortal.Bench -- directory [rows] [iterations] [database made by generate]
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- import [rows]
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- generate rows path   (a filled database to explore)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- render [seconds]
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- watchers [recipients] [watchers]   (SignalR watchers against none)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- servers [recipients] [connections per server]   (one sink against two)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- nodes [recipients] [connections per node] "$(bench/postgres-cluster.sh start)"   (one node against two on PostgreSQL)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- ceiling [messages] [connections]   (MailKit alone, and composing + MailKit, against smtp-source)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- tokens [seconds] [threads]   (the send token against the Data Protection token it replaced)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- dkim [messages] [connections]   (composing + MailKit with and without DKIM signing, against smtp-source)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- sending [recipients] [connections] [PostgreSQL connection string; SQLite when absent]
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- campaign-log [recipients] [tracking events] [iterations]   (the per-recipient log and the report of one campaign)
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- attachments [recipients] [attachment bytes] [connections]
var command = args.ElementAtOrDefault(0) ?? "help";
var workDirectory = Directory.CreateTempSubdirectory("nonprofitportal-bench-").FullName;
try
{
    switch (command)
    {
        case "directory":
            await DirectoryBenchmark.RunAsync(IntArgument(1, 1_000_000), IntArgument(2, 60), Path.Combine(workDirectory, "directory.db"), args.ElementAtOrDefault(3));
            break;
        case "generate":
            await GenerateAsync(IntArgument(1, 1_000_000), Path.GetFullPath(args.ElementAtOrDefault(2) ?? "nonprofits.db"));
            break;
        case "render":
            RenderBenchmark.Run(IntArgument(1, 10));
            break;
        case "sending":
            await SendingBenchmark.RunAsync(IntArgument(1, 100_000), IntArgument(2, 4), args.ElementAtOrDefault(3), workDirectory);
            break;
        case "attachments":
            await AttachmentBenchmark.RunAsync(IntArgument(1, 2_000), IntArgument(2, 1_048_576), IntArgument(3, 4), workDirectory);
            break;
        case "watchers":
            await WatchersBenchmark.RunAsync(IntArgument(1, 30_000), IntArgument(2, 200), workDirectory);
            break;
        case "servers":
            await ServersBenchmark.RunAsync(IntArgument(1, 100_000), IntArgument(2, 4), workDirectory);
            break;
        case "nodes":
            await NodesBenchmark.RunAsync(IntArgument(1, 100_000), IntArgument(2, 4), args.ElementAtOrDefault(3) ?? throw new ArgumentException("nodes needs a PostgreSQL connection string (bench/postgres-cluster.sh start)"));
            break;
        case "ceiling":
            await CeilingBenchmark.RunAsync(IntArgument(1, 50_000), IntArgument(2, 4), workDirectory);
            break;
        case "tokens":
            await TokensBenchmark.RunAsync(IntArgument(1, 2), IntArgument(2, 4), workDirectory);
            break;
        case "dkim":
            await DkimBenchmark.RunAsync(IntArgument(1, 50_000), IntArgument(2, 4), workDirectory);
            break;
        case "campaign-log":
            await CampaignLogBenchmark.RunAsync(IntArgument(1, 1_000_000), IntArgument(2, 300_000), IntArgument(3, 60), Path.Combine(workDirectory, "campaign-log.db"));
            break;
        case "import":
            await ImportBenchmark.RunAsync(IntArgument(1, 100_000), workDirectory);
            break;
        default:
            Console.WriteLine("usage: directory [rows=1000000] [iterations=60] [generated database] | import [rows=100000] | generate rows path | render [seconds=10] | watchers [recipients=30000] [watchers=200] | servers [recipients=100000] [connections=4] | nodes [recipients=100000] [connections=4] postgres-connection-string | ceiling [messages=50000] [connections=4] | tokens [seconds=2] [threads=4] | dkim [messages=50000] [connections=4] | sending [recipients=100000] [connections=4] [postgres connection string] | campaign-log [recipients=1000000] [events=300000] [iterations=60] | attachments [recipients=2000] [attachment bytes=1048576] [connections=4]");
            return 2;
    }

    return 0;
}
finally
{
    Directory.Delete(workDirectory, recursive: true);
}

static async Task GenerateAsync(int rows, string path)
{
    await using var database = await BenchDatabase.CreateAsync(path);
    await database.RawInsertAsync(SyntheticNonprofits.Generate(rows), DateTimeOffset.UtcNow);
    Console.WriteLine($"{path}: {rows:N0} nonprofits");
}

int IntArgument(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
