/**
 * Local flag evaluation in plain Java: the entities Schematic's DataStream sends (flags with their rules, companies,
 * users) and {@link io.quarkiverse.schematic.rules.RulesEngine}, which answers a flag check from them the way
 * Schematic's own rules engine does.
 * <p>
 * Nothing here needs Quarkus or CDI: parse dumped DataStream JSON with any Jackson {@code ObjectMapper} and call the
 * engine directly, for example to explain why a company gets a value:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper();
 * RulesFlag flag = mapper.readValue(flagJson, RulesFlag.class);
 * RulesCompany company = mapper.readValue(companyJson, RulesCompany.class);
 * RulesResult result = RulesEngine.checkFlag(flag, company, null, null);
 * String explanation = result.value() + ": " + result.reason(); // "false: No rules matched; default value for flag"
 * }</pre>
 *
 * Entities are immutable and safe to share between threads; they read snake_case JSON, ignore fields they do not
 * know, accept {@code null} wherever Schematic's Go types allow it, and write the same JSON back.
 */
package io.quarkiverse.schematic.rules;
