using Microsoft.EntityFrameworkCore;

namespace NonprofitPortal.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
