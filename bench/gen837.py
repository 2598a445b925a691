#!/usr/bin/env python3
"""Writes an 837P of N claims (two lines each) for the patients bench/seed-claims.sql seeds: patient i
has MRN BM<i> (REF*EA), member id M<i>, name PAT BENCH<i>. Usage: gen837.py N [first] > file.x12"""
import sys

n = int(sys.argv[1])
first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
seg = []
seg.append("ST*837*0001*005010X222A1")
seg.append("BHT*0019*00*BENCH*20261120*1200*CH")
seg.append("NM1*41*2*PM SYSTEM*****46*PMS1")
seg.append("PER*IC*DESK*TE*2175550100")
seg.append("NM1*40*2*REVCYCLE*****46*REVCYCLE")
seg.append("HL*1**20*1")
seg.append("NM1*85*2*BENCH CLINIC*****XX*1234567893")
seg.append("N3*1 CLINIC WAY")
seg.append("N4*SPRINGFIELD*IL*627041234")
seg.append("REF*EI*371234567")
hl = 2
for i in range(first, first + n):
    seg.append(f"HL*{hl}*1*22*0"); hl += 1
    seg.append("SBR*P*18*******CI")
    seg.append(f"NM1*IL*1*BENCH{i}*PAT****MI*M{i}")
    seg.append("N3*12 MAIN ST")
    seg.append("N4*SPRINGFIELD*IL*62704")
    seg.append("DMG*D8*19700101*F")
    seg.append("NM1*PR*2*SANDBOX HEALTH*****PI*SBX01")
    seg.append(f"CLM*PMS{i}*150***11:B:1*Y*A*Y*Y")
    seg.append(f"REF*EA*BM{i}")
    seg.append("HI*ABK:E119*ABF:I10")
    seg.append("LX*1")
    seg.append("SV1*HC:99213:25*125*UN*1***1")
    seg.append("DTP*472*D8*20261118")
    seg.append("LX*2")
    seg.append("SV1*HC:81002*25*UN*1***1:2")
    seg.append("DTP*472*D8*20261118")
seg.append(f"SE*{len(seg) + 1}*0001")
out = ["ISA*00*          *00*          *ZZ*PMSYSTEM       *ZZ*REVCYCLE       *261120*1200*^*00501*000000777*0*T*:",
       "GS*HC*PMSYSTEM*REVCYCLE*20261120*1200*777*X*005010X222A1"] + seg + ["GE*1*777", "IEA*1*000000777"]
sys.stdout.write("~\n".join(out) + "~\n")
