using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DtcNotify.Data.Import;

/// <summary>One entity's table and columns as the EF model maps them: names, CLR getters and value converters.</summary>
internal sealed class EntityColumns
{
    private EntityColumns(IEntityType entity, IEnumerable<IProperty> columns)
    {
        Table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Key = entity.FindPrimaryKey()!.Properties.Single();
        Columns = [.. columns];
        Getters = [.. Columns.Select(p => p.GetGetter())];
        Converters = [.. Columns.Select(p => p.GetTypeMapping().Converter)];
    }

    public StoreObjectIdentifier Table { get; }

    public IProperty Key { get; }

    public IProperty[] Columns { get; }

    public IClrPropertyGetter[] Getters { get; }

    public ValueConverter?[] Converters { get; }

    /// <summary>Every mapped, non-key property of <typeparamref name="T"/>.</summary>
    public static EntityColumns All<T>(DbContext db)
    {
        var entity = Entity<T>(db);
        return new EntityColumns(entity, entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && p.PropertyInfo is not null));
    }

    /// <summary>The named properties of <typeparamref name="T"/>, in that order.</summary>
    public static EntityColumns Of<T>(DbContext db, IEnumerable<string> properties)
    {
        var entity = Entity<T>(db);
        return new EntityColumns(entity, properties.Select(entity.GetProperty));
    }

    public string TableName => Quote(Table.Name);

    public string Name(IProperty property) => Quote(property.GetColumnName(Table)!);

    /// <summary>Column <paramref name="i"/>'s value of <paramref name="entity"/> as the database stores it (through the property's converter).</summary>
    public object? ProviderValue(int i, object entity)
    {
        var value = Getters[i].GetClrValue(entity);
        return value is null || Converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IEntityType Entity<T>(DbContext db) => db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
}
