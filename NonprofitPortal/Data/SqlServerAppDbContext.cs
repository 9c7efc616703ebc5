using Microsoft.EntityFrameworkCore;

namespace NonprofitPortal.Data;

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
