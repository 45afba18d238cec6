// The grid reaches the console (rows Xen, columns Linux) and report.json (the platform's grid member, Xen-major).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('seed-rfc: Xen x Linux grid (SMMU shared):')
assert log =~ /Xen \\ Linux\s+4\.10\s+6\.6/
assert log =~ /4\.22\s+8\/8 boot/
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/xenacpi/report.json'))
def grid = report.platforms[0].grid
assert grid.xen == ['4.8', '4.22']
assert grid.linux == ['4.10', '6.6']
assert grid.cells.size() == 4
assert grid.cells.every { it.built }
assert new File(basedir, 'target/xenacpi/index.html').text.contains('<table class="grid">')
