// The README's complete consumer pom builds (pinned plugins), runs the README's test under Surefire and once per
// platform in validate; this project's pom is the README's, character for character but the version.
def readme = new File(basedir, '../../../../README.md').text
def start = readme.indexOf('```xml\n', readme.indexOf('## Add the goal to a build')) + 7
def shown = readme.substring(start, readme.indexOf('```\n', start))
def pom = new File(basedir, 'pom.xml').text
assert pom.contains(shown.replace('0.1.0-SNAPSHOT', pom.find(/<version>([^<]*SNAPSHOT[^<]*)<\/version>/) { m, v -> v }))
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run:') && !log.contains('FAILURE!')
assert log.contains('xenacpi: good: conformance tests: ')
assert log.contains('BUILD SUCCESS')
