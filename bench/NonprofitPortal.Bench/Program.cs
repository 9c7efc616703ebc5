using NonprofitPortal.Bench;

// dotnet run -c Release --project bench/NonprofitPortal.Bench -- directory [rows] [iterations]
// dotnet run -c Release --project bench/NonprofitPortal.Bench -- import [rows]
var command = args.ElementAtOrDefault(0) ?? "help";
var workDirectory = Directory.CreateTempSubdirectory("nonprofitportal-bench-").FullName;
try
{
    switch (command)
    {
        case "directory":
            await DirectoryBenchmark.RunAsync(IntArgument(1, 1_000_000), IntArgument(2, 60), Path.Combine(workDirectory, "directory.db"));
            break;
        case "import":
            await ImportBenchmark.RunAsync(IntArgument(1, 100_000), workDirectory);
            break;
        default:
            Console.WriteLine("usage: directory [rows=1000000] [iterations=60] | import [rows=100000]");
            return 2;
    }

    return 0;
}
finally
{
    Directory.Delete(workDirectory, recursive: true);
}

int IntArgument(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
