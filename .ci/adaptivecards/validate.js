// Validates Adaptive Card JSON files with the official renderer library (npm adaptivecards): parse with a serialization
// context, then validateProperties. Prints one line per finding as "file: message"; exits 1 when there is any.
// Usage: node validate.js card1.json [card2.json ...]
const path = require('path');
const fs = require('fs');
const AC = require(path.join(__dirname, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

let findings = 0;
for (const file of process.argv.slice(2)) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    console.log(`${path.basename(file)}: parse: ${context.getEventAt(i).message}`);
    findings++;
  }
  for (const event of card.validateProperties().validationEvents) {
    console.log(`${path.basename(file)}: validate: ${event.message}`);
    findings++;
  }
}
console.log(`checked ${process.argv.length - 2} cards, ${findings} findings`);
process.exit(findings === 0 ? 0 : 1);
