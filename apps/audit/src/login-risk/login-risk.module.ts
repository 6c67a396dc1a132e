import { Module } from '@nestjs/common';

import { AlertRaiser } from '../alerts/alert-raiser.service';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditEnv } from '../config/audit.env';
import { AccountsCallerGuard } from './accounts-caller.guard';
import { CredentialChangeRecorder } from './credential-change.recorder';
import { CredentialChangesConsumer } from './credential-changes.consumer';
import { IP_GEOLOCATOR, OfflineIpGeolocator } from './geo/ip-geolocator';
import { LoginAssessmentRepository } from './login-assessment.repository';
import { LoginEventsConsumer } from './login-events.consumer';
import { LoginHistoryRepository } from './login-history.repository';
import { LoginRiskService } from './login-risk.service';
import { LoginRiskDecisionController } from './login-risk-decision.controller';
import { LoginRiskDecisionService } from './login-risk-decision.service';
import { RiskPolicyRepository } from './risk-policy.repository';
import { RiskRulesController } from './risk-rules.controller';
import { RiskRulesService } from './risk-rules.service';
import { SourceFailureRepository } from './source-failure.repository';
import { SourcePseudonymizer } from './source-pseudonymizer';

@Module({
  imports: [AlertsModule],
  controllers: [
    LoginEventsConsumer,
    CredentialChangesConsumer,
    RiskRulesController,
    LoginRiskDecisionController,
  ],
  providers: [
    {
      provide: IP_GEOLOCATOR,
      useFactory: (env: AuditEnv) => new OfflineIpGeolocator(env.AUDIT_GEO_WORLD_COORDINATES),
      inject: [AuditEnv],
    },
    {
      provide: SourcePseudonymizer,
      useFactory: (env: AuditEnv) => new SourcePseudonymizer(env.AUDIT_SIGNING_KEY),
      inject: [AuditEnv],
    },
    RiskPolicyRepository,
    RiskRulesService,
    AlertRaiser,
    LoginHistoryRepository,
    LoginAssessmentRepository,
    SourceFailureRepository,
    CredentialChangeRecorder,
    LoginRiskService,
    LoginRiskDecisionService,
    AccountsCallerGuard,
  ],
  exports: [LoginAssessmentRepository, LoginHistoryRepository, SourceFailureRepository],
})
export class LoginRiskModule {}
