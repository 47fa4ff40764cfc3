using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.HumanTasks.Activities;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;

namespace LowCodeErp.HumanTasks.Tests;

/// <summary>Descriptors (Studio's toolbox), the form validator and input parsing, without a database.</summary>
public sealed class ActivityAndFormTests
{
    [Fact]
    public void HumanTask_descriptor_has_the_stable_input_names_and_editor_hints()
    {
        var descriptor = ActivityDescriber.Describe<HumanTask>();
        descriptor.TypeName.Should().Be("Erp.HumanTask");
        descriptor.Category.Should().Be("Human tasks");
        // Descriptors name inputs as Elsa does (PascalCase); definitions carry them camelCased: those are the stable JSON names.
        var inputs = descriptor.Inputs.ToDictionary(i => Camel(i.Name), i => i.UIHint);
        inputs.Keys.Should().Contain(["title", "description", "form", "assignee", "candidateUsers", "candidateRoles", "excludedUsers",
            "priority", "dueIn", "outcomes", "commentRequiredFor", "escalateAfter", "escalateTo"]);
        inputs["outcomes"].Should().Be(UIHints.DynamicOutcomes);
        inputs["form"].Should().Be(UIHints.JsonEditor);
        inputs["candidateRoles"].Should().Be(UIHints.MultiText);
        descriptor.Outputs.Select(o => Camel(o.Name)).Should().Contain(["outcome", "formData", "completedBy", "comment"]);
    }

    [Fact]
    public void Approval_descriptor_has_the_Approved_and_Rejected_ports()
    {
        var descriptor = ActivityDescriber.Describe<Approval>();
        descriptor.TypeName.Should().Be("Erp.Approval");
        descriptor.Ports.Select(p => p.Name).Should().Equal("Approved", "Rejected");
        descriptor.Inputs.Select(i => Camel(i.Name)).Should().Contain(["approverUsers", "approverRoles", "requiredApprovals", "anyRejectRejects", "excludedUsers"]);
    }

    private static readonly JsonObject Form = FormSchema.Parse("""
        {"fields":[
          {"name":"amount","type":"money","required":true,"min":1,"max":1000},
          {"name":"count","type":"number","default":2},
          {"name":"start","type":"date","min":"2026-01-01"},
          {"name":"kind","type":"select","options":[{"value":"car","label":"Car"},"truck"]},
          {"name":"ok","type":"checkbox","required":true},
          {"name":"code","type":"text","pattern":"[A-Z]{3}","maxLength":3},
          {"name":"doc","type":"file"}
        ]}
        """);

    [Fact]
    public void Valid_data_is_accepted_with_defaults_filled_in()
    {
        var errors = FormValidator.Validate(Form, Json("""{"amount":99.5,"start":"2026-05-01","kind":"car","ok":true,"code":"ABC","doc":"files/42"}"""), out var accepted);
        errors.Should().BeEmpty();
        accepted["count"]!.GetValue<int>().Should().Be(2);
        accepted["kind"]!.GetValue<string>().Should().Be("car");
    }

    [Theory]
    [InlineData("""{"ok":true}""", "data.amount", "is required.")]
    [InlineData("""{"amount":0.5,"ok":true}""", "data.amount", "must be at least 1.")]
    [InlineData("""{"amount":1.005,"ok":true}""", "data.amount", "must have at most 2 decimals.")]
    [InlineData("""{"amount":"ten","ok":true}""", "data.amount", "must be a number.")]
    [InlineData("""{"amount":5,"ok":true,"start":"2025-12-31"}""", "data.start", "must be on or after 2026-01-01.")]
    [InlineData("""{"amount":5,"ok":true,"kind":"bike"}""", "data.kind", "must be one of: car, truck.")]
    [InlineData("""{"amount":5,"ok":false}""", "data.ok", "must be checked.")]
    [InlineData("""{"amount":5,"ok":true,"code":"abc"}""", "data.code", "must match [A-Z]{3}.")]
    [InlineData("""{"amount":5,"ok":true,"extra":1}""", "data.extra", "is not a field of this form.")]
    public void Invalid_data_names_the_field(string data, string field, string message)
    {
        var errors = FormValidator.Validate(Form, Json(data), out _);
        errors.Should().ContainKey(field).WhoseValue.Should().Equal(message);
    }

    [Fact]
    public void A_field_sent_as_null_was_cleared_and_gets_no_default()
    {
        var errors = FormValidator.Validate(Form, Json("""{"amount":5,"ok":true,"count":null}"""), out var accepted);
        errors.Should().BeEmpty();
        accepted.ContainsKey("count").Should().BeFalse();
        FormValidator.Validate(Form, Json("""{"amount":null,"ok":true}"""), out _).Should().ContainKey("data.amount").WhoseValue.Should().Equal("is required.");
    }

    [Fact]
    public void CheckField_answers_for_one_value_as_Validate_does_for_the_field()
    {
        var amount = FormSchema.Fields(Form).Single(f => f["name"]!.GetValue<string>() == "amount");
        FormValidator.CheckField(amount, JsonValue.Create(1001m)).Should().Be("must be at most 1000.");
        FormValidator.CheckField(amount, JsonValue.Create("1001")).Should().Be("must be a number.");
        FormValidator.CheckField(amount, null).Should().Be("is required.");
        FormValidator.CheckField(amount, JsonValue.Create(12.5m)).Should().BeNull();
    }

    [Fact]
    public void A_stored_form_with_an_invalid_pattern_answers_with_a_field_error_not_an_exception()
    {
        var form = JsonNode.Parse("""{"fields":[{"name":"code","type":"text","pattern":"([A-Z"}]}""")!.AsObject();
        FormValidator.Validate(form, Json("""{"code":"AB"}"""), out _).Should().ContainKey("data.code")
            .WhoseValue.Should().Equal("cannot be checked: the form's pattern ([A-Z is not a valid regular expression.");
    }

    [Fact]
    public void A_form_with_an_invalid_pattern_is_rejected_naming_the_field()
    {
        FluentActions.Invoking(() => FormSchema.Parse("""{"fields":[{"name":"a"},{"name":"code","pattern":"([A-Z"}]}""")).Should()
            .Throw<FormatException>().WithMessage("form.fields[1].pattern: '([A-Z' is not a valid regular expression.");
    }

    [Fact]
    public void A_form_with_an_unknown_field_type_or_duplicate_names_is_rejected()
    {
        FluentActions.Invoking(() => FormSchema.Parse("""{"fields":[{"name":"a","type":"color"}]}""")).Should().Throw<FormatException>().WithMessage("*type*color*");
        FluentActions.Invoking(() => FormSchema.Parse("""[{"name":"a"},{"name":"a"}]""")).Should().Throw<FormatException>().WithMessage("*unique*");
    }

    [Fact]
    public void Due_dates_are_absolute_or_relative()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        InputValues.Moment("P3D", now).Should().Be(now.AddDays(3));
        InputValues.Moment("PT4H", now).Should().Be(now.AddHours(4));
        InputValues.Moment("15m", now).Should().Be(now.AddMinutes(15));
        InputValues.Moment("1.00:00:00", now).Should().Be(now.AddDays(1));
        InputValues.Moment("2026-12-01T08:00:00Z", now).Should().Be(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        InputValues.Moment(null, now).Should().BeNull();
        FluentActions.Invoking(() => InputValues.Moment("soon", now)).Should().Throw<FormatException>();
        InputValues.Names("a, b;a").Should().Equal("a", "b");
        InputValues.Names("""["x","y"]""").Should().Equal("x", "y");
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
