// String mistakes.
var s1 = 'not closed
var s2 = "double quoted"
var s3 = 'bad escape \q here'
var s4 = 'unicode \u{110000} too big'
var s5 = 'unicode \u{zz}'
var s6 = 'hole ${} empty'
var s7 = 'hole ${a b} extra'
var s8 = 'hole ${'inner} not closed'
var s9 = 'object in hole ${{a: 1}}'
var s10 = 'array in hole ${[1]}'
var s11 = 'ok ${a} and ${b.c}'
var s12 = '''
multi-line strings may span lines and hold 'quotes' and ${not holes}
'''
var s13 = $'''
interpolated ${environment()} multi-line
'''
var s14 = '''never closed
var s15 = 'swallowed by the multi-line string'
